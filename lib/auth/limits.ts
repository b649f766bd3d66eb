// Rate limits on the password endpoints (API and HTML forms alike): they
// slow down password guessing and keep argon2 from being used to burn CPU.
import type { Context } from "hono";
import { env } from "../env.ts";
import { getRedis, redisKey } from "../redis.ts";
import { clientIp, ipRateLimitKey } from "../http/request_info.ts";
import {
  FailoverRateLimitStore,
  MemoryRateLimitStore,
  RateLimiter,
  type RateLimitRule,
  type RateLimitStore,
  RedisRateLimitStore,
} from "../http/rate_limit.ts";

const windowMs = env.RATE_LIMIT_WINDOW_SECONDS * 1000;

/** The limits, from LOGIN_LIMIT_PER_IP, LOGIN_LIMIT_PER_EMAIL, REGISTER_LIMIT_PER_IP. */
export const AUTH_RULES = {
  loginPerIp: { name: "login-ip", limit: env.LOGIN_LIMIT_PER_IP, windowMs },
  loginPerEmail: {
    name: "login-email",
    limit: env.LOGIN_LIMIT_PER_EMAIL,
    windowMs,
  },
  registerPerIp: {
    name: "register-ip",
    limit: env.REGISTER_LIMIT_PER_IP,
    windowMs,
  },
} satisfies Record<string, RateLimitRule>;

function defaultStore(): RateLimitStore {
  const memory = new MemoryRateLimitStore();
  if (!env.REDIS_URL) return memory;
  return new FailoverRateLimitStore(
    new RedisRateLimitStore(getRedis, redisKey("rls", "")),
    memory,
  );
}

/** The process-wide limiter for the password endpoints. */
export const authLimiter = new RateLimiter(defaultStore());

// Emails are hashed so Redis never holds them in clear text.
async function emailKey(email: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(email.trim().toLowerCase()),
  );
  return Array.from(
    new Uint8Array(digest).slice(0, 16),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
}

/**
 * Counts a login attempt for the client's IP and for the email.
 * Call it before checking the password.
 * @throws {TooManyRequestsError} (429 + Retry-After) when either is over its limit.
 */
export async function limitLogin(c: Context, email: string): Promise<void> {
  const checks = [{
    rule: AUTH_RULES.loginPerEmail,
    key: await emailKey(email),
  }];
  const ip = clientIp(c);
  if (ip) checks.push({ rule: AUTH_RULES.loginPerIp, key: ipRateLimitKey(ip) });
  await authLimiter.enforce(
    checks,
    "Too many sign-in attempts. Wait a moment and try again.",
  );
}

/**
 * Counts a registration attempt for the client's IP (no-op when the IP is
 * unknown, as for in-process requests).
 * @throws {TooManyRequestsError} when over the limit.
 */
export async function limitRegistration(c: Context): Promise<void> {
  const ip = clientIp(c);
  if (!ip) return;
  await authLimiter.enforce(
    [{ rule: AUTH_RULES.registerPerIp, key: ipRateLimitKey(ip) }],
    "Too many sign-ups from your network. Wait a moment and try again.",
  );
}
