import { bodyLimit } from "hono/body-limit";
import { env } from "./env.ts";
import { PayloadTooLargeError } from "./errors.ts";

/**
 * Refuses request bodies over MAX_BODY_BYTES with 413, whether the size is
 * declared in Content-Length or only discovered while streaming.
 */
export const requestBodyLimit = bodyLimit({
  maxSize: env.MAX_BODY_BYTES,
  onError: () => {
    throw new PayloadTooLargeError(
      `The request body is larger than ${env.MAX_BODY_BYTES} bytes`,
    );
  },
});
