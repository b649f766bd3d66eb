// The application from its generated manifests, as Fresh builds one from
// fresh.gen.ts: the islands registered, the `_middleware` and routes of
// routes.gen.ts mounted, and its `_error`/`_404` pages handed to the one
// error handler. main.ts passes the manifests in; lib/ never imports them.
import { Hono } from "hono";
import { h, type VNode } from "preact";
import type { AppEnv } from "./context.ts";
import { createErrorHandlers, type ErrorPageProps } from "./error_handler.tsx";
import {
  type ErrorPageModule,
  mountRoutes,
  type RoutesManifest,
} from "./router.ts";
import { registerIslands } from "../islands/render.tsx";
import { renderDocument } from "../islands/document.ts";

/** The shape of islands.gen.ts: island components by name. */
export type IslandsManifest = Parameters<typeof registerIslands>[0];

function renderPage({ default: Page }: ErrorPageModule) {
  return (props: ErrorPageProps) => renderDocument(h(Page, props) as VNode);
}

/** Builds the app: islands, middleware, routes, error pages. */
export function createApp(
  routes: RoutesManifest,
  islands: IslandsManifest,
): Hono<AppEnv> {
  registerIslands(islands);
  const app = new Hono<AppEnv>();
  mountRoutes(app, routes);
  const { onError, notFound } = createErrorHandlers({
    renderErrorPage: renderPage(routes.errorPage),
    renderNotFoundPage: renderPage(routes.notFoundPage),
  });
  app.onError(onError);
  app.notFound(notFound);
  return app;
}
