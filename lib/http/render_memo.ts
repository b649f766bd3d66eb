import { gzipSync } from "node:zlib";
import { strongEtag } from "./cache_headers.ts";

/** What a memoized render produced. */
export interface Rendered {
  html: string;
  /** When the HTML goes stale by itself (ms since the epoch), if ever. */
  staleAt?: number;
}

/** A remembered page: its HTML, encoded and gzipped once on first use. */
export class MemoPage {
  #bytes: Uint8Array<ArrayBuffer> | undefined;
  #gzip: Uint8Array<ArrayBuffer> | undefined;
  #etag: string | undefined;

  constructor(readonly html: string) {}

  /** The HTML as UTF-8, encoded once per render, not per request. */
  bytes(): Uint8Array<ArrayBuffer> {
    this.#bytes ??= new TextEncoder().encode(this.html);
    return this.#bytes;
  }

  /**
   * A strong ETag of the HTML, hashed once per render; the gzipped
   * representation's differs (`-gz`), as strong validators must.
   */
  etag(gzipped: boolean): string {
    this.#etag ??= strongEtag(this.html);
    return gzipped ? `${this.#etag.slice(0, -1)}-gz"` : this.#etag;
  }

  /** The HTML gzipped (level 6), compressed once per render, not per request. */
  gzip(): Uint8Array<ArrayBuffer> {
    this.#gzip ??= new Uint8Array(gzipSync(this.bytes()));
    return this.#gzip;
  }
}

interface Entry {
  input: string;
  staleAt?: number;
  page: MemoPage;
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
  ): Promise<MemoPage> {
    const hit = this.#entries.get(key);
    this.#entries.delete(key);
    if (hit && hit.input === input && !(hit.staleAt! <= now)) {
      this.#entries.set(key, hit);
      return hit.page;
    }
    const rendered = await render();
    const page = new MemoPage(rendered.html);
    this.#entries.set(key, { input, staleAt: rendered.staleAt, page });
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
