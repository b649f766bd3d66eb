// `k6/http` for the Deno runner, on top of fetch.
//
// Every request function here is asynchronous (returns a Promise), including
// `get`/`post`/`request`/`batch`, which are synchronous in k6. Scenarios use
// `await http.asyncRequest(…)`, which has the same meaning under both (k6 ≥
// 0.43), so they run unchanged. Each request records `http_reqs`,
// `http_req_duration` (start → last body byte), `http_req_waiting` (start →
// headers) and `http_req_failed` (by the response callback) with the tags
// k6 uses: method, status, url, name, expected_response, scenario, group.
import { addSample, type Tags } from "../registry.ts";
import { builtin } from "../builtin_metrics.ts";
import { currentContext } from "../vu_context.ts";

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

function encodeBody(
  body: RequestBody,
  headers: Headers,
): BodyInit | undefined {
  if (body === null || body === undefined) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof ArrayBuffer || body instanceof Uint8Array) {
    return body as BodyInit;
  }
  // k6 form-encodes a plain object body.
  if (!headers.has("content-type")) {
    headers.set("content-type", "application/x-www-form-urlencoded");
  }
  return new URLSearchParams(
    Object.entries(body).map(([k, v]) => [k, String(v)]),
  );
}

/** Sends one request; resolves to a Response (status 0 on network errors). */
export async function asyncRequest(
  method: string,
  url: string,
  body?: RequestBody,
  params: Params = {},
): Promise<Response> {
  const context = currentContext();
  const metrics = builtin();
  const headers = new Headers(params.headers);
  const init: RequestInit = {
    method: method.toUpperCase(),
    headers,
    body: encodeBody(body, headers),
    signal: AbortSignal.any([
      context.signal,
      AbortSignal.timeout(timeoutMs(params.timeout)),
    ]),
  };
  const request = { method: init.method!, url };
  const started = performance.now();
  let response: Response;
  try {
    const answer = await fetch(url, init);
    const headersAt = performance.now();
    const responseBody = await readBody(answer, params.responseType);
    const ended = performance.now();
    const responseHeaders: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      responseHeaders[canonicalHeaderName(name)] = value;
    });
    response = new Response(
      request,
      answer.url || url,
      answer.status,
      responseHeaders,
      responseBody,
      timings(started, headersAt, ended),
    );
  } catch (error) {
    // The scenario was stopped: the iteration ends, no sample (as in k6).
    if (context.signal.aborted) throw context.signal.reason;
    const timedOut = error instanceof DOMException &&
      error.name === "TimeoutError";
    const ended = performance.now();
    response = new Response(
      request,
      url,
      0,
      {},
      null,
      timings(started, ended, ended),
      timedOut ? "request timeout" : String(error),
      timedOut ? 1050 : 1000,
    );
  }

  const callback = params.responseCallback === undefined
    ? responseCallback
    : params.responseCallback;
  const expected = callback ? callback(response.status) : undefined;
  const tags: Tags = {
    ...context.tags,
    method: request.method,
    url,
    name: url,
    status: String(response.status),
    ...(expected === undefined ? {} : { expected_response: String(expected) }),
    ...params.tags,
  };
  addSample(metrics.httpReqs, 1, tags);
  addSample(metrics.httpReqDuration, response.timings.duration, tags);
  addSample(metrics.httpReqWaiting, response.timings.waiting, tags);
  if (expected !== undefined) {
    addSample(metrics.httpReqFailed, expected ? 0 : 1, tags);
  }
  return response;
}

async function readBody(
  answer: globalThis.Response,
  type: Params["responseType"],
): Promise<string | ArrayBuffer | null> {
  if (type === "binary") return await answer.arrayBuffer();
  if (type !== "none") return await answer.text();
  await answer.body?.cancel();
  return null;
}

function timings(started: number, headersAt: number, ended: number): Timings {
  return {
    duration: ended - started,
    waiting: headersAt - started,
    receiving: ended - headersAt,
    sending: 0,
    blocked: 0,
    connecting: 0,
    tls_handshaking: 0,
  };
}

/** k6 `request`; asynchronous here (see the module comment). */
export function request(
  method: string,
  url: string,
  body?: RequestBody,
  params?: Params,
): Promise<Response> {
  return asyncRequest(method, url, body, params);
}

/** k6 `get`; asynchronous here. */
export function get(url: string, params?: Params): Promise<Response> {
  return asyncRequest("GET", url, null, params);
}

/** k6 `post`; asynchronous here. */
export function post(
  url: string,
  body?: RequestBody,
  params?: Params,
): Promise<Response> {
  return asyncRequest("POST", url, body, params);
}

/** k6 `put`; asynchronous here. */
export function put(
  url: string,
  body?: RequestBody,
  params?: Params,
): Promise<Response> {
  return asyncRequest("PUT", url, body, params);
}

/** k6 `del`; asynchronous here. */
export function del(
  url: string,
  body?: RequestBody,
  params?: Params,
): Promise<Response> {
  return asyncRequest("DELETE", url, body, params);
}

type BatchItem =
  | string
  | [string, string, RequestBody?, Params?]
  | { method: string; url: string; body?: RequestBody; params?: Params };

function sendBatchItem(item: BatchItem): Promise<Response> {
  if (typeof item === "string") return asyncRequest("GET", item);
  if (Array.isArray(item)) return asyncRequest(...item);
  return asyncRequest(item.method, item.url, item.body, item.params);
}

/** k6 `batch` (array form): the requests run concurrently. */
export function batch(requests: BatchItem[]): Promise<Response[]> {
  return Promise.all(requests.map(sendBatchItem));
}

export default {
  asyncRequest,
  batch,
  del,
  expectedStatuses,
  get,
  post,
  put,
  request,
  setResponseCallback,
};
