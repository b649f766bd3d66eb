import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { env } from "../env.ts";
import { PayloadTooLargeError } from "./errors.ts";

const limit = bodyLimit({
  maxSize: env.MAX_BODY_BYTES,
  onError: () => {
    throw new PayloadTooLargeError(
      `The request body is larger than ${env.MAX_BODY_BYTES} bytes`,
    );
  },
});

// No route reads the body of these, so there is nothing to bound; skipping
// them keeps the body-stream lookup off every read.
const BODILESS_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses request bodies over MAX_BODY_BYTES with 413, whether the size is
 * declared in Content-Length or only discovered while streaming.
 */
export const requestBodyLimit: MiddlewareHandler = (c, next) =>
  BODILESS_METHODS.has(c.req.method) ? next() : limit(c, next);
