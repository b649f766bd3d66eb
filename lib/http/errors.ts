import postgres from "postgres";

/** An error that knows the HTTP answer it deserves. */
export class HttpError extends Error {
  constructor(
    readonly status:
      | 400
      | 401
      | 403
      | 404
      | 408
      | 409
      | 413
      | 422
      | 429
      | 500
      | 503,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(400, "BAD_REQUEST", message, details);
  }
}

/** 400 carrying the field issues of a failed zod parse. */
export class ValidationError extends HttpError {
  constructor(
    readonly issues: { path: string; message: string }[],
    message = "The request is not valid",
  ) {
    super(400, "VALIDATION_FAILED", message, { issues });
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = "Sign in to continue") {
    super(401, "UNAUTHORIZED", message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = "You are not allowed to do that") {
    super(403, "FORBIDDEN", message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message = "Not found") {
    super(404, "NOT_FOUND", message);
  }
}

export class ConflictError extends HttpError {
  constructor(
    message: string,
    code = "CONFLICT",
    details?: Record<string, unknown>,
  ) {
    super(409, code, message, details);
  }
}

/** 408: the request body did not arrive within BODY_TIMEOUT_MS. */
export class RequestTimeoutError extends HttpError {
  constructor(message = "The request body did not arrive in time") {
    super(408, "REQUEST_TIMEOUT", message);
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor(message = "The request body is too large") {
    super(413, "PAYLOAD_TOO_LARGE", message);
  }
}

export class UnprocessableError extends HttpError {
  constructor(message: string, code = "UNPROCESSABLE") {
    super(422, code, message);
  }
}

export class TooManyRequestsError extends HttpError {
  constructor(
    readonly retryAfterSeconds: number,
    message = "Too many requests",
  ) {
    super(429, "RATE_LIMITED", message, { retryAfterSeconds });
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(
    message = "The service is busy, try again in a moment",
    code = "SERVICE_UNAVAILABLE",
    readonly retryAfterSeconds = 1,
  ) {
    super(503, code, message);
  }
}

// SQLSTATEs after which the session is gone or could not be had: the server
// shut down, crashed or is starting (57P0x), a backend was terminated or
// timed out (57P05, 25P03), or any connection exception (class 08). A retry
// on a fresh connection can succeed.
const CONNECTION_LOST_SQLSTATES = new Set([
  "57P01", // admin_shutdown: pg_terminate_backend, a fast or smart shutdown
  "57P02", // crash_shutdown: another backend crashed, or an immediate stop
  "57P03", // cannot_connect_now: starting up, or shutting down
  "57P04", // database_dropped
  "57P05", // idle_session_timeout
  "25P03", // idle_in_transaction_session_timeout
]);

// What the driver and the socket under it say when a connection drops or
// cannot be made: postgres.js's own codes, then Node's socket errors.
const CONNECTION_LOST_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "ENOTCONN",
  "EAI_AGAIN",
  "ERR_SOCKET_CLOSED",
  "ERR_STREAM_DESTROYED",
  "ERR_STREAM_WRITE_AFTER_END",
]);

// Deno's node:net reports a write after the server's FIN with this message.
const SOCKET_ENDED = /socket has been ended by the other party/i;

/** True when `error` says the database connection was lost or refused. */
export function isConnectionLost(error: unknown): boolean {
  if (error instanceof postgres.PostgresError) {
    const sqlstate = String(error.code ?? "");
    return sqlstate.startsWith("08") || CONNECTION_LOST_SQLSTATES.has(sqlstate);
  }
  if (
    error instanceof Deno.errors.ConnectionRefused ||
    error instanceof Deno.errors.ConnectionReset ||
    error instanceof Deno.errors.ConnectionAborted ||
    error instanceof Deno.errors.BrokenPipe ||
    error instanceof Deno.errors.NotConnected
  ) {
    return true;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && CONNECTION_LOST_CODES.has(code)) return true;
  return error instanceof Error && SOCKET_ENDED.test(error.message);
}

/**
 * Maps a PostgreSQL or driver error to the HTTP error a client should see,
 * by SQLSTATE: the one map. Every loss of the connection (a restart, a
 * failover, a terminated backend, a dropped network) is a 503 with
 * Retry-After, so a client retries with its Idempotency-Key. Returns null
 * for errors that are bugs (they become a 500).
 */
export function fromDatabaseError(error: unknown): HttpError | null {
  if (isConnectionLost(error)) {
    return new ServiceUnavailableError(
      "The database is unavailable; try again in a moment",
      "DATABASE_UNAVAILABLE",
    );
  }
  if (!(error instanceof postgres.PostgresError)) return null;
  switch (error.code) {
    case "23505":
      return new ConflictError("That already exists", "ALREADY_EXISTS");
    case "23503":
      return new ConflictError(
        "That refers to something that does not exist or is still in use",
        "REFERENCE_CONFLICT",
      );
    case "40P01":
      return new ConflictError(
        "Another booking touched the same seats at the same moment; try again",
        "CONCURRENT_UPDATE",
      );
    case "40001":
      return new ConflictError(
        "The data changed while we were working on it; try again",
        "CONCURRENT_UPDATE",
      );
    case "55P03":
      return new ServiceUnavailableError(
        "Those seats are busy right now; try again in a moment",
        "LOCK_TIMEOUT",
      );
    case "57014":
      return new ServiceUnavailableError(
        "The database took too long to answer; try again",
        "QUERY_TIMEOUT",
      );
    case "25006":
      // A write reached a server that is (still) read-only: a standby, or
      // a primary being promoted during a failover.
      return new ServiceUnavailableError(
        "The database is switching over; try again in a moment",
        "DATABASE_READ_ONLY",
      );
    case "22P02":
    case "22P05":
    case "22021":
    case "22003":
    case "22007":
    case "22008":
      return new BadRequestError("A value in the request is malformed");
  }
  // Class 53: too many connections, out of memory or disk.
  if (String(error.code ?? "").startsWith("53")) {
    return new ServiceUnavailableError(
      "The database is overloaded; try again in a moment",
      "DATABASE_OVERLOADED",
    );
  }
  return null;
}
