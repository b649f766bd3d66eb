// Request bodies: at most MAX_BODY_BYTES (413), and all of it within
// BODY_TIMEOUT_MS (408). A client that declares a length and then sends
// less, or trickles its bytes, would otherwise hold a handler (and maybe a
// database connection) until the request's deadline.
import type { MiddlewareHandler } from "hono";
import { env } from "../env.ts";
import { PayloadTooLargeError, RequestTimeoutError } from "./errors.ts";

// No route reads the body of these, so there is nothing to bound; skipping
// them keeps the body-stream lookup off every read.
const BODILESS_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function tooLarge(maxBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `The request body is larger than ${maxBytes} bytes`,
  );
}

/**
 * Reads a whole body, or throws as soon as it grows past `maxBytes` or
 * `timeoutMs` passes (the stream is cancelled then).
 * @throws {PayloadTooLargeError} over `maxBytes`; {RequestTimeoutError}
 * not complete within `timeoutMs`.
 */
export async function readBody(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  timeoutMs: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RequestTimeoutError()), timeoutMs);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (true) {
      const { done, value } = await Promise.race([reader.read(), late]);
      if (done) break;
      size += value.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  return whole;
}

/**
 * Reads each request body up front, refusing one over MAX_BODY_BYTES with
 * 413 (declared in Content-Length or found while reading) and one not
 * complete within BODY_TIMEOUT_MS with 408; handlers then read it from
 * memory.
 */
export const requestBodyLimit: MiddlewareHandler = async (c, next) => {
  const raw = c.req.raw;
  if (BODILESS_METHODS.has(c.req.method) || !raw.body) return await next();
  const declared = Number(raw.headers.get("content-length") ?? NaN);
  if (declared > env.MAX_BODY_BYTES) throw tooLarge(env.MAX_BODY_BYTES);
  const body = await readBody(
    raw.body,
    env.MAX_BODY_BYTES,
    env.BODY_TIMEOUT_MS,
  );
  c.req.raw = new Request(raw, { body });
  await next();
};
