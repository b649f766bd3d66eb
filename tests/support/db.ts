/**
 * Deno.test for tests that use the shared database pool: the pool keeps
 * connections open across tests, which Deno's per-test resource and op
 * sanitizers would otherwise report as leaks.
 */
export function dbTest(
  name: string,
  fn: (t: Deno.TestContext) => Promise<void> | void,
  options: { ignore?: boolean } = {},
): void {
  Deno.test({
    name,
    fn,
    ignore: options.ignore,
    sanitizeOps: false,
    sanitizeResources: false,
  });
}
