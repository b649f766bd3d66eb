// Tests that need an optional service (Redis, Chromium) ask here whether it
// is present. Missing ⇒ the test is skipped with a loud message, except under
// CI=true where a missing service must fail the run instead.

export const IN_CI = Deno.env.get("CI") === "true";

/**
 * Returns `ignore` for Deno.test: false when the service is present; when it
 * is missing, prints why and ignores the test, or throws under CI.
 */
export function skipUnless(service: string, present: boolean): boolean {
  if (present) return false;
  if (IN_CI) {
    throw new Error(
      `${service} is required under CI=true but is not available`,
    );
  }
  console.warn(
    `\n⚠️  SKIPPING tests that need ${service}: it is not available here.\n`,
  );
  return true;
}
