// HTTP caching for the reads everyone shares (anonymous trip pages, trip
// JSON): strong ETags with 304 Not Modified, and a Cache-Control that lets
// a shared cache (a CDN, nginx's proxy_cache) answer for a second. A page a
// second old is safe: the seat map corrects its seats from the live stream
// on connect, and no booking trusts a page. Everything else, personal
// pages above all, is `private, no-cache` unless a route says otherwise.
import type { Context, MiddlewareHandler } from "hono";

/** Anonymous, shared reads: browsers revalidate, shared caches keep 1 s. */
export const SHARED_READ =
  "public, max-age=0, s-maxage=1, stale-while-revalidate=1";

/** What a response without a Cache-Control of its own gets. */
export const DEFAULT_CACHE_CONTROL = "private, no-cache";

/**
 * A strong validator for `text`: two 32-bit FNV-1a hashes with different
 * offsets (64 bits), quoted. Not for security: a cache key.
 */
export function strongEtag(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 13);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return `"${hex(a)}${hex(b)}"`;
}

/** True when the request's If-None-Match names `etag` (or is `*`). */
export function matchesIfNoneMatch(header: string | undefined, etag: string) {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/**
 * Answers 304 when the client already has this representation; else sets
 * the validator and lets the caller send the body.
 */
export function notModified(
  c: Context,
  etag: string,
  headers: Record<string, string>,
): Response | undefined {
  if (!matchesIfNoneMatch(c.req.header("if-none-match"), etag)) return;
  return new Response(null, { status: 304, headers: { ...headers, etag } });
}

/** Sets DEFAULT_CACHE_CONTROL on responses that did not choose one. */
export const defaultCacheControl: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has("cache-control")) {
    c.res.headers.set("cache-control", DEFAULT_CACHE_CONTROL);
  }
};
