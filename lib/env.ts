import { z } from "zod";

/** Thrown when the environment does not describe a runnable configuration. */
export class EnvError extends Error {
  override name = "EnvError";
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => value === "" ? undefined : value, schema.optional());

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  HOSTNAME: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().regex(
    /^postgres(ql)?:\/\/.+/,
    "must be a postgres:// or postgresql:// URL",
  ),
  // Streaming replicas for trip reads on a cache miss (comma-separated);
  // one whose replay is more than REPLICA_MAX_LAG_MS behind is skipped.
  DATABASE_REPLICA_URLS: z.string().default("").transform((value) =>
    value.split(",").map((url) => url.trim()).filter(Boolean)
  ).pipe(z.array(
    z.string().regex(
      /^postgres(ql)?:\/\/.+/,
      "must be postgres:// or postgresql:// URLs, comma-separated",
    ),
  )),
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(10).max(600_000).default(
    1000,
  ),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: optional(
    z.string().regex(/^rediss?:\/\/.+/, "must be a redis:// or rediss:// URL"),
  ),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters"),
  JWT_TTL_MINUTES: z.coerce.number().int().min(1).max(60 * 24 * 30).default(
    60 * 24 * 7,
  ),
  ADMIN_EMAIL: optional(z.email()),
  ADMIN_PASSWORD: optional(z.string().min(8, "must be at least 8 characters")),
  HOLD_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  // Timetables make trips this many days ahead (today included).
  TIMETABLE_DAYS_AHEAD: z.coerce.number().int().min(1).max(366).default(28),
  LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  LOG_REQUESTS: z.stringbool().default(false),
  // Lowest level written (lib/log.ts): debug, info, warn or error.
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // json: one object per line, for log shippers; text: for people (the
  // embedded development database sets it).
  LOG_FORMAT: z.enum(["json", "text"]).default("json"),
  // /metrics: on its own port (METRICS_PORT, on METRICS_HOSTNAME) and/or on
  // the public port behind `Authorization: Bearer METRICS_TOKEN`; with
  // neither, nothing serves it.
  METRICS_PORT: optional(z.coerce.number().int().min(0).max(65535)),
  METRICS_HOSTNAME: z.string().min(1).default("127.0.0.1"),
  METRICS_TOKEN: optional(z.string().min(16, "must be at least 16 characters")),
  // Benchmarks only: trust a token's signature alone (no per-request
  // session check, so signing out does not end a copied token).
  SESSIONS_STATELESS: z.stringbool().default(false),
  // Benchmarks only: record no metrics (/metrics stays empty of app figures).
  METRICS_ENABLED: z.stringbool().default(true),
  // Deno's own switch for OpenTelemetry export; the app adds its spans then.
  OTEL_DENO: z.stringbool().default(false),
  // Tests: hold every /api response against the OpenAPI document.
  OPENAPI_VALIDATE_RESPONSES: z.stringbool().default(false),
  // Prefix of every Redis key this process writes (tests use one per run).
  REDIS_KEY_PREFIX: z.string().min(1).max(100).default("busbook:"),
  // Behind a reverse proxy: take the client IP from the last X-Forwarded-For
  // entry and the scheme/host from X-Forwarded-Proto/-Host. Only safe when
  // the proxy overwrites those headers.
  TRUST_PROXY: z.stringbool().default(false),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024)
    .default(64 * 1024),
  // Every request answers within REQUEST_TIMEOUT_MS (503 after it; each SQL
  // statement is cut off then too), and its body must arrive within
  // BODY_TIMEOUT_MS (408 after it).
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000)
    .default(10_000),
  BODY_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000)
    .default(10_000),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400)
    .default(60),
  LOGIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(20),
  LOGIN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  REGISTER_LIMIT_PER_IP: z.coerce.number().int().min(1).default(10),
  // Cache and live seats: CACHE_DISABLED reads straight from PostgreSQL
  // (for benchmarks); Redis calls give up after CACHE_TIMEOUT_MS.
  CACHE_DISABLED: z.stringbool().default(false),
  CACHE_TIMEOUT_MS: z.coerce.number().int().min(5).max(5000).default(100),
  SSE_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100_000).default(
    1000,
  ),
  SSE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(
    15_000,
  ),
});

export type Env = z.infer<typeof EnvSchema>;

/**
 * Validates a raw environment. Empty strings count as unset.
 * @throws {EnvError} naming every variable that is missing or malformed.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) =>
      `${issue.path.join(".")}: ${issue.message}`
    );
    throw new EnvError(`Invalid environment. ${problems.join("; ")}`);
  }
  const env = result.data;
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    throw new EnvError(
      "Invalid environment. ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
    );
  }
  return env;
}

/** The validated process environment, read once at start-up. */
export const env: Env = parseEnv(Deno.env.toObject());
