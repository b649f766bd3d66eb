// One HTTP exchange as k6/http's two transports share it: the request as
// data (`prepare`), and the wire answer turned into a k6 Response with its
// samples recorded (`finish`), plus the Response class, its parameters and
// the response callback that decides `http_req_failed`.
import { addSample, type Tags } from "./registry.ts";
import { builtin } from "./builtin_metrics.ts";
import type { VuContext } from "./vu_context.ts";
import type { WireRequest, WireResponse } from "./sync_fetch.ts";

export type RequestBody =
  | string
  | ArrayBuffer
  | Uint8Array
  | Record<string, string | number | boolean>
  | null
  | undefined;

/** k6 `expectedStatuses(...)`: decides whether a status counts as success. */
export type ResponseCallback = (status: number) => boolean;

export interface Params {
  headers?: Record<string, string>;
  tags?: Tags;
  /** Milliseconds, or a duration string like "30s" (default 60 s). */
  timeout?: number | string;
  /** "text" (default) or "none"; "binary" only for asyncRequest. */
  responseType?: "text" | "binary" | "none";
  responseCallback?: ResponseCallback | null;
}

export interface Timings {
  duration: number;
  waiting: number;
  receiving: number;
  sending: number;
  blocked: number;
  connecting: number;
  tls_handshaking: number;
}

/** The subset of k6's Response that the runner fills in. */
export class Response {
  constructor(
    readonly request: { method: string; url: string },
    readonly url: string,
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly body: string | ArrayBuffer | null,
    readonly timings: Timings,
    readonly error = "",
    readonly error_code = 0,
  ) {}

  /** Parses the body as JSON (no GJSON selectors). */
  json(selector?: string): unknown {
    if (selector !== undefined) {
      throw new Error("Response.json(selector) is not supported by the runner");
    }
    if (typeof this.body !== "string") {
      throw new Error("Response.json() needs a text body");
    }
    return JSON.parse(this.body);
  }
}

/** k6 `expectedStatuses`: numbers and `{min, max}` ranges. */
export function expectedStatuses(
  ...expected: Array<number | { min: number; max: number }>
): ResponseCallback {
  return (status) =>
    expected.some((item) =>
      typeof item === "number"
        ? status === item
        : status >= item.min && status <= item.max
    );
}

let responseCallback: ResponseCallback | null = expectedStatuses({
  min: 200,
  max: 399,
});

/** k6 `setResponseCallback`; null stops recording `http_req_failed`. */
export function setResponseCallback(callback: ResponseCallback | null): void {
  responseCallback = callback;
}

const DEFAULT_TIMEOUT_MS = 60_000;

function timeoutMs(timeout: number | string | undefined): number {
  if (timeout === undefined) return DEFAULT_TIMEOUT_MS;
  if (typeof timeout === "number") return timeout;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(timeout);
  if (!match) throw new Error(`invalid request timeout "${timeout}"`);
  const unit = { ms: 1, s: 1000, m: 60_000 }[match[2] as "ms" | "s" | "m"];
  return Number(match[1]) * unit;
}

function canonicalHeaderName(name: string): string {
  return name.split("-").map((part) =>
    part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()
  ).join("-");
}

/** The request as data, shared by both transports. */
export function prepare(
  method: string,
  url: string,
  body: RequestBody,
  params: Params,
): WireRequest {
  const headers = new Headers(params.headers);
  let encoded: string | Uint8Array | null = null;
  if (typeof body === "string") encoded = body;
  else if (body instanceof ArrayBuffer) encoded = new Uint8Array(body);
  else if (body instanceof Uint8Array) encoded = body;
  else if (body) {
    // k6 form-encodes a plain object body.
    if (!headers.has("content-type")) {
      headers.set("content-type", "application/x-www-form-urlencoded");
    }
    encoded = new URLSearchParams(
      Object.entries(body).map(([k, v]) => [k, String(v)]),
    ).toString();
  }
  return {
    method: method.toUpperCase(),
    url,
    headers: [...headers],
    body: encoded,
    timeoutMs: timeoutMs(params.timeout),
  };
}

/** Turns a wire answer into a Response and records its samples. */
export function finish(
  context: VuContext,
  request: WireRequest,
  wire: WireResponse,
  params: Params,
  body: string | ArrayBuffer | null = wire.body,
): Response {
  const headers: Record<string, string> = {};
  for (const [name, value] of wire.headers) {
    headers[canonicalHeaderName(name)] = value;
  }
  const response = new Response(
    { method: request.method, url: request.url },
    wire.url,
    wire.status,
    headers,
    params.responseType === "none" ? null : body,
    {
      duration: wire.duration,
      waiting: wire.waiting,
      receiving: wire.duration - wire.waiting,
      sending: 0,
      blocked: 0,
      connecting: 0,
      tls_handshaking: 0,
    },
    wire.error ?? "",
    wire.errorCode ?? 0,
  );
  const callback = params.responseCallback === undefined
    ? responseCallback
    : params.responseCallback;
  const expected = callback ? callback(response.status) : undefined;
  const tags: Tags = {
    ...context.tags,
    method: request.method,
    url: request.url,
    name: request.url,
    status: String(response.status),
    ...(expected === undefined ? {} : { expected_response: String(expected) }),
    ...params.tags,
  };
  const metrics = builtin();
  addSample(metrics.httpReqs, 1, tags);
  addSample(metrics.httpReqDuration, response.timings.duration, tags);
  addSample(metrics.httpReqWaiting, response.timings.waiting, tags);
  if (expected !== undefined) {
    addSample(metrics.httpReqFailed, expected ? 0 : 1, tags);
  }
  return response;
}
