// The one error handler. The app hands in its pages (routes/_error.tsx and
// routes/_404.tsx, through createApp) the way Fresh takes them from its
// manifest, so lib/ never imports the UI.
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { renderToString } from "preact-render-to-string";
import type { AppEnv } from "./context.ts";
import type { SessionUser } from "../auth/types.ts";
import {
  fromDatabaseError,
  HttpError,
  ServiceUnavailableError,
  TooManyRequestsError,
} from "./errors.ts";

type ErrorStatus = HttpError["status"];

/** What an error page is told; its title follows from the status. */
export interface ErrorPageProps {
  status: number;
  message: string;
  /** Shown on 5xx pages, so a user can quote it. */
  requestId?: string;
  user?: SessionUser | null;
}

/** The app's pages for errors on HTML URLs, each as a whole HTML document. */
export interface ErrorPages {
  /** A thrown error (any status). */
  renderErrorPage(props: ErrorPageProps): string;
  /** A URL that no route answers. */
  renderNotFoundPage(props: ErrorPageProps): string;
}

/** The two Hono hooks an app installs with `onError` and `notFound`. */
export interface ErrorHandlers {
  onError: ErrorHandler<AppEnv>;
  notFound: NotFoundHandler<AppEnv>;
}

function isApi(c: Context): boolean {
  return c.req.path === "/api" || c.req.path.startsWith("/api/");
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
 * Known errors keep their status and code, database errors are mapped by
 * SQLSTATE, anything else is logged with the request id and answered with
 * a generic 500 that leaks nothing.
 */
function toHttpError(error: unknown, c: Context<AppEnv>): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof HTTPException) return fromHonoException(error);
  const mapped = fromDatabaseError(error);
  if (mapped) return mapped;
  console.error(
    `[${c.get("requestId")}] ${c.req.method} ${c.req.path} failed:`,
    error,
  );
  return new HttpError(
    500,
    "INTERNAL",
    "Something went wrong on our side. Please try again.",
  );
}

/**
 * The app's `onError` and `notFound`: JSON `{error: {code, message, …}}`
 * under /api, the given pages elsewhere, Retry-After on 429 and 503.
 */
export function createErrorHandlers(pages: ErrorPages): ErrorHandlers {
  const respond = (
    c: Context<AppEnv>,
    error: HttpError,
    render: (props: ErrorPageProps) => string,
  ): Response => {
    if (
      error instanceof TooManyRequestsError ||
      error instanceof ServiceUnavailableError
    ) {
      c.header("Retry-After", String(error.retryAfterSeconds));
    }
    if (isApi(c)) {
      return c.json(
        {
          error: { code: error.code, message: error.message, ...error.details },
        },
        error.status,
      );
    }
    const props: ErrorPageProps = {
      status: error.status,
      message: error.message,
      requestId: c.get("requestId"),
      user: c.get("user"),
    };
    return c.html(render(props), error.status);
  };
  return {
    onError: (error, c) =>
      respond(c, toHttpError(error, c), pages.renderErrorPage),
    notFound: (c) =>
      respond(
        c,
        new HttpError(404, "NOT_FOUND", "We could not find that page."),
        pages.renderNotFoundPage,
      ),
  };
}

function barePage({ status, message }: ErrorPageProps): string {
  return "<!DOCTYPE html>" + renderToString(
    <html lang="en">
      <head>
        <title>{`Error ${status}`}</title>
      </head>
      <body>
        <h1>Error {status}</h1>
        <p>{message}</p>
      </body>
    </html>,
  );
}

/**
 * The same handlers with a bare HTML page, for an app put together without
 * the routes' pages (a test's probe app); the real app uses createApp.
 */
export const { onError: handleError, notFound: handleNotFound } =
  createErrorHandlers({
    renderErrorPage: barePage,
    renderNotFoundPage: barePage,
  });
