// Bodies that many requests share (the anonymous trip page, the trip's
// JSON), encoded, gzipped and hashed once per change instead of once per
// request, and sent with content negotiation and a strong ETag.
import type { Context } from "hono";
import { gzipSync } from "node:zlib";
import { notModified, strongEtag } from "./cache_headers.ts";

/** What a memoized render produced. */
export interface Rendered {
  html: string;
  /** When the HTML goes stale by itself (ms since the epoch), if ever. */
  staleAt?: number;
}

/** A remembered body: its text, encoded and gzipped once on first use. */
export class MemoBody {
  #bytes: Uint8Array<ArrayBuffer> | undefined;
  #gzip: Uint8Array<ArrayBuffer> | undefined;
  #etag: string | undefined;

  constructor(readonly text: string) {}

  /** The text as UTF-8, encoded once per change, not per request. */
  bytes(): Uint8Array<ArrayBuffer> {
    this.#bytes ??= new TextEncoder().encode(this.text);
    return this.#bytes;
  }

  /**
   * A strong ETag of the text, hashed once per change; the gzipped
   * representation's differs (`-gz`), as strong validators must.
   */
  etag(gzipped: boolean): string {
    this.#etag ??= strongEtag(this.text);
    return gzipped ? `${this.#etag.slice(0, -1)}-gz"` : this.#etag;
  }

  /** The text gzipped (level 6), compressed once per change, not per request. */
  gzip(): Uint8Array<ArrayBuffer> {
    this.#gzip ??= new Uint8Array(gzipSync(this.bytes()));
    return this.#gzip;
  }
}

/**
 * Answers with a remembered body: 304 when the client's If-None-Match
 * names it, else gzipped when Accept-Encoding admits gzip, else plain. The
 * caller's headers (type, cache policy, and a Vary that names
 * Accept-Encoding) go on every answer.
 */
export function sendMemoBody(
  c: Context,
  body: MemoBody,
  headers: Record<string, string>,
): Response {
  const gzipped = acceptsGzip(c.req.header("accept-encoding"));
  const etag = body.etag(gzipped);
  const unchanged = notModified(c, etag, headers);
  if (unchanged) return unchanged;
  if (!gzipped) return c.body(body.bytes(), 200, { ...headers, etag });
  return c.body(body.gzip(), 200, {
    ...headers,
    etag,
    "content-encoding": "gzip",
  });
}

interface Entry {
  input: string;
  staleAt?: number;
  page: MemoBody;
}

/**
 * Remembers rendered HTML per key together with the exact input it was
 * rendered from, and renders again only when that input changes (or the
 * HTML went stale with time, e.g. a trip departed). A page that is a pure
 * function of data the caller already has — the anonymous trip page, from
 * the trip's cached JSON — then costs a string comparison instead of a
 * render, and is never staler than its input. Bounded: the least recently
 * used key goes first.
 */
export class RenderMemo {
  readonly #entries = new Map<string, Entry>();

  constructor(readonly maxEntries = 500) {}

  /** The page for `key` rendered from `input`, rendering only on a change. */
  async render(
    key: string,
    input: string,
    render: () => Promise<Rendered> | Rendered,
    now = Date.now(),
  ): Promise<MemoBody> {
    const hit = this.#hit(key, input, now);
    if (hit) return hit;
    const rendered = await render();
    return this.#store(
      key,
      input,
      rendered.staleAt,
      new MemoBody(rendered.html),
    );
  }

  /**
   * A body that is its own input (the trip's cached JSON), remembered the
   * same way: encoded, gzipped and hashed once per change of the text.
   */
  remember(key: string, text: string): MemoBody {
    return this.#hit(key, text) ??
      this.#store(key, text, undefined, new MemoBody(text));
  }

  /** The entry for `key` if made from `input` and not stale; marks it used. */
  #hit(key: string, input: string, now?: number): MemoBody | undefined {
    const hit = this.#entries.get(key);
    if (!hit || hit.input !== input) return undefined;
    if (hit.staleAt !== undefined && hit.staleAt <= (now ?? Date.now())) {
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit.page;
  }

  #store(
    key: string,
    input: string,
    staleAt: number | undefined,
    page: MemoBody,
  ): MemoBody {
    this.#entries.delete(key);
    this.#entries.set(key, { input, staleAt, page });
    if (this.#entries.size > this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    return page;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * True when an Accept-Encoding header admits gzip (`gzip` or `*` with a
 * q-value above 0).
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let admitted = false;
  for (const part of header.toLowerCase().split(",")) {
    const [name, ...params] = part.split(";").map((s) => s.trim());
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name === "gzip") return weight > 0;
    if (name === "*") admitted = weight > 0;
  }
  return admitted;
}
