// File-system routes in Fresh's shape, on Hono. Each file under routes/
// answers one URL and exports `handler` (the methods it answers); each
// `_middleware.ts` exports `handler` for its folder and everything below.
// The generated, checked-in routes.gen.ts lists them with their URL
// patterns, already in match order (lib/http/routes_manifest.ts writes it),
// and mountRoutes registers that list: nothing reads routes/ at run time.
import type { Handler, Hono, MiddlewareHandler } from "hono";
import type { ComponentType } from "preact";
import type { AppEnv } from "./context.ts";
import type { ErrorPageProps } from "./error_handler.tsx";
import { describeRoutes, type RouteDocs } from "./openapi.ts";

/** The HTTP methods a route file may answer (GET answers HEAD as well). */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What a route file exports as `handler`: one Hono handler per method. */
export type Handlers = Partial<Record<Method, Handler<AppEnv>>>;

/**
 * A route file: `export const handler: Handlers = { GET(c) {…} }`, and for
 * API routes `export const openapi: RouteDocs` describing each method
 * (lib/http/openapi.ts; the contract test requires it under /api).
 */
export interface RouteModule {
  handler: Handlers;
  openapi?: RouteDocs;
}

/** A `_middleware.ts`: one middleware, or several that run in order. */
export interface MiddlewareModule {
  handler: MiddlewareHandler<AppEnv> | readonly MiddlewareHandler<AppEnv>[];
}

/** `routes/_error.tsx` or `routes/_404.tsx`: a page component. */
export interface ErrorPageModule {
  default: ComponentType<ErrorPageProps>;
}

/** The shape of routes.gen.ts. */
export interface RoutesManifest {
  /** `_middleware.ts` files, parents before children; `prefix` is the folder's URL. */
  middlewares: readonly { prefix: string; module: MiddlewareModule }[];
  /** Route files in match order: static segments, then `:params`, then `*`. */
  routes: readonly { pattern: string; module: RouteModule }[];
  /** `routes/_error.tsx`: the page for errors on HTML URLs. */
  errorPage: ErrorPageModule;
  /** `routes/_404.tsx`: the page for URLs no route answers. */
  notFoundPage: ErrorPageModule;
}

/**
 * Registers the manifest's middleware (each on its folder and below, root
 * first), then its routes in the manifest's order, and records the routes'
 * OpenAPI descriptions. Hono tries handlers in
 * registration order, so `/admin/trips/new` wins over `/admin/trips/:id`.
 */
export function mountRoutes(
  app: Hono<AppEnv>,
  manifest: Pick<RoutesManifest, "middlewares" | "routes">,
): void {
  for (const { prefix, module } of manifest.middlewares) {
    const handlers = [module.handler].flat();
    // Hono's `/api/auth/*` also matches `/api/auth` itself.
    app.use(prefix === "/" ? "*" : `${prefix}/*`, ...handlers);
  }
  for (const { pattern, module } of manifest.routes) {
    if (module.openapi) describeRoutes(pattern, module.openapi);
    for (const [method, handler] of Object.entries(module.handler)) {
      if (handler) app.on(method, pattern, handler);
    }
  }
}
