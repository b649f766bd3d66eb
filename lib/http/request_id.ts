// A request id on every request: the caller's X-Request-Id when it is a
// sane token (a proxy's id keeps logs joinable), else a fresh UUID. Same
// rules as hono/request-id, but the header goes onto the finished response
// rather than into headers prepared before it: prepared headers make Hono
// copy a Headers object into every Response, which cost ~5 µs a request.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.ts";

export const REQUEST_ID_HEADER = "X-Request-Id";
const MAX_LENGTH = 255;
const UNSAFE = /[^\w\-=]/;

/** Sets `requestId` on the context and the X-Request-Id response header. */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  let id = c.req.header(REQUEST_ID_HEADER);
  if (!id || id.length > MAX_LENGTH || UNSAFE.test(id)) {
    id = crypto.randomUUID();
  }
  c.set("requestId", id);
  await next();
  c.res.headers.set(REQUEST_ID_HEADER, id);
};
