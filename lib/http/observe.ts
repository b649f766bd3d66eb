// One middleware for what an operator watches per request: the request
// counter and duration histogram by route pattern and status
// (lib/metrics/registry.ts), and the access log line — JSON with the
// request id, route, status, duration and user id (lib/log.ts). Every
// request is counted; the line is written for every request when
// LOG_REQUESTS is set, and for every 5xx regardless.
import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "./context.ts";
import { observeRequest, requestStarted } from "../metrics/registry.ts";
import { log as defaultLog, type Logger } from "../log.ts";

/** The label of a request no route answered (keeps label values bounded). */
export const UNMATCHED_ROUTE = "unmatched";

/**
 * The pattern of the route that answers this request (`/api/trips/:id`),
 * also when a middleware answered before it ran (a 401, a 413). Route
 * handlers are registered per method; middleware for ALL.
 */
export function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    if (routes[i].method !== "ALL") return routes[i].path;
  }
  return UNMATCHED_ROUTE;
}

export interface ObserveOptions {
  logRequests: boolean;
  logger?: Logger;
}

/** Counts, times and (optionally) logs every request. */
export function observeRequests(
  options: ObserveOptions,
): MiddlewareHandler<AppEnv> {
  const logger = options.logger ?? defaultLog;
  return async (c, next) => {
    const started = performance.now();
    const ended = requestStarted();
    try {
      await next();
    } finally {
      ended();
    }
    const ms = performance.now() - started;
    const status = c.res.status;
    const route = routeOf(c);
    observeRequest(c.req.method, route, status, ms / 1000);
    if (!options.logRequests && status < 500) return;
    logger.log(status >= 500 ? "error" : "info", "request", {
      requestId: c.get("requestId"),
      method: c.req.method,
      route,
      path: c.req.path,
      status,
      durationMs: Math.round(ms * 100) / 100,
      userId: c.get("user")?.id ?? null,
    });
  };
}
