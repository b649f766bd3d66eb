import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./context.ts";
import {
  fromDatabaseError,
  HttpError,
  ServiceUnavailableError,
  TooManyRequestsError,
} from "./errors.ts";
import { renderDocument } from "../islands/document.ts";
import ErrorPage from "../../components/ErrorPage.tsx";

type ErrorStatus = HttpError["status"];

function isApi(c: Context): boolean {
  return c.req.path === "/api" || c.req.path.startsWith("/api/");
}

function respond(c: Context<AppEnv>, error: HttpError): Response {
  if (error instanceof TooManyRequestsError) {
    c.header("Retry-After", String(error.retryAfterSeconds));
  } else if (error instanceof ServiceUnavailableError) {
    c.header("Retry-After", String(error.retryAfterSeconds));
  }
  if (isApi(c)) {
    return c.json(
      { error: { code: error.code, message: error.message, ...error.details } },
      error.status,
    );
  }
  return c.html(
    renderDocument(
      <ErrorPage
        status={error.status}
        message={error.message}
        requestId={c.get("requestId")}
        user={c.get("user")}
      />,
    ),
    error.status,
  );
}

function fromHonoException(error: HTTPException): HttpError {
  const status = ([400, 401, 403, 404, 409, 413, 422, 429, 503] as const)
    .find((s) => s === error.status) ?? 400;
  const code = status === 413
    ? "PAYLOAD_TOO_LARGE"
    : status === 401
    ? "UNAUTHORIZED"
    : status === 403
    ? "FORBIDDEN"
    : "BAD_REQUEST";
  return new HttpError(
    status as ErrorStatus,
    code,
    error.message || "Bad request",
  );
}

/**
 * The one error handler: known errors keep their status and code, database
 * errors are mapped by SQLSTATE, anything else is logged with the request id
 * and answered with a generic 500 that leaks nothing.
 */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof HttpError) return respond(c, error);
  if (error instanceof HTTPException) {
    return respond(c, fromHonoException(error));
  }
  const mapped = fromDatabaseError(error);
  if (mapped) return respond(c, mapped);
  console.error(
    `[${c.get("requestId")}] ${c.req.method} ${c.req.path} failed:`,
    error,
  );
  return respond(
    c,
    new HttpError(
      500,
      "INTERNAL",
      "Something went wrong on our side. Please try again.",
    ),
  );
};

/** 404 for unknown URLs, JSON under /api and a page elsewhere. */
export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  respond(c, new HttpError(404, "NOT_FOUND", "We could not find that page."));
