import postgres from "postgres";
import type { Sql } from "../../lib/db/pool.ts";

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

/**
 * A second connection pool to the test database, parsing int8 like the
 * app's: a stand-in for another app instance, or a probe that still answers
 * while the app's pool is busy. End it in a `finally`.
 */
export function openOtherPool(max = 2): Sql {
  return postgres(Deno.env.get("DATABASE_URL")!, {
    max,
    onnotice: () => {},
    types: {
      int8: {
        to: 20,
        from: [20],
        serialize: (value: number) => String(value),
        parse: (value: string) => Number(value),
      },
    },
  }) as unknown as Sql;
}
