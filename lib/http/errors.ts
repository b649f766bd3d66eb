import postgres from "postgres";

/** An error that knows the HTTP answer it deserves. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503,
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

const connectionErrorCodes = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
]);

/**
 * Maps a PostgreSQL or driver error to the HTTP error a client should see,
 * by SQLSTATE. Returns null for errors that are bugs (they become a 500).
 */
export function fromDatabaseError(error: unknown): HttpError | null {
  if (error instanceof postgres.PostgresError) {
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
      case "53300":
      case "57P03":
        return new ServiceUnavailableError(
          "The database is overloaded; try again in a moment",
          "DATABASE_OVERLOADED",
        );
      case "22P02":
      case "22P05":
      case "22021":
      case "22003":
      case "22007":
      case "22008":
        return new BadRequestError("A value in the request is malformed");
    }
    return null;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && connectionErrorCodes.has(code)) {
    return new ServiceUnavailableError(
      "The database is unavailable; try again in a moment",
      "DATABASE_UNAVAILABLE",
    );
  }
  return null;
}
