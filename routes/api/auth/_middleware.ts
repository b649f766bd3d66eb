// Responses under /api/auth carry a session token: never let a cache keep them.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../../lib/http/context.ts";

export const handler: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
};
