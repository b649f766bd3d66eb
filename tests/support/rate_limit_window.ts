import { env } from "../../lib/env.ts";

/**
 * The login and sign-up limits count in fixed windows numbered from the wall
 * clock. A test that fires a burst of attempts and expects the last one to
 * be refused must not straddle a window edge (under load a burst of argon2
 * logins can take seconds), so this waits for the next window when less
 * than `marginMs` of the current one remains.
 */
export async function avoidRateLimitWindowEdge(
  marginMs = 15_000,
): Promise<void> {
  const windowMs = env.RATE_LIMIT_WINDOW_SECONDS * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) {
    await new Promise((resolve) => setTimeout(resolve, left + 50));
  }
}
