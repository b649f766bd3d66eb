// `k6/http` for the Deno runner.
//
// As in k6, `asyncRequest` returns a Promise and `request`/`get`/`post`/
// `put`/`del`/`batch` are synchronous. All VUs share this one thread, so a
// synchronous request would stall every VU: the sync forms work only in
// setup() and teardown() (see sync_fetch.ts) and throw inside an iteration,
// where scenarios use `await http.asyncRequest(…)`. Each request records
// `http_reqs`, `http_req_duration` (call → last body byte),
// `http_req_waiting` (call → headers) and `http_req_failed` (by the
// response callback), tagged like k6: method, status, url, name,
// expected_response, scenario, group.
import { addSample, type Tags } from "../registry.ts";
import { builtin } from "../builtin_metrics.ts";
import { currentContext, type VuContext } from "../vu_context.ts";
import {
  fetchSync,
  type WireRequest,
  type WireResponse,
} from "../sync_fetch.ts";

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
function prepare(
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
function finish(
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

/** Sends one request; resolves to a Response (status 0 on network errors). */
export async function asyncRequest(
  method: string,
  url: string,
  body?: RequestBody,
  params: Params = {},
): Promise<Response> {
  const context = currentContext();
  const request = prepare(method, url, body, params);
  const started = performance.now();
  let wire: WireResponse;
  let responseBody: string | ArrayBuffer | null = null;
  try {
    const answer = await fetch(url, {
      method: request.method,
      headers: request.headers,
      body: (request.body ?? undefined) as BodyInit | undefined,
      signal: AbortSignal.any([
        context.signal,
        AbortSignal.timeout(request.timeoutMs),
      ]),
    });
    const headersAt = performance.now();
    if (params.responseType === "binary") {
      responseBody = await answer.arrayBuffer();
    } else if (params.responseType === "none") await answer.body?.cancel();
    else responseBody = await answer.text();
    wire = {
      status: answer.status,
      url: answer.url || url,
      headers: [...answer.headers],
      body: null,
      waiting: headersAt - started,
      duration: performance.now() - started,
    };
  } catch (error) {
    // The scenario was stopped: the iteration ends, no sample (as in k6).
    if (context.signal.aborted) throw context.signal.reason;
    const timedOut = error instanceof DOMException &&
      error.name === "TimeoutError";
    const elapsed = performance.now() - started;
    wire = {
      status: 0,
      url,
      headers: [],
      body: null,
      waiting: elapsed,
      duration: elapsed,
      error: timedOut ? "request timeout" : String(error),
      errorCode: timedOut ? 1050 : 1000,
    };
  }
  return finish(context, request, wire, params, responseBody);
}

type BatchItem =
  | string
  | [string, string, RequestBody?, Params?]
  | { method: string; url: string; body?: RequestBody; params?: Params };

function normalize(item: BatchItem): [string, string, RequestBody, Params] {
  if (typeof item === "string") return ["GET", item, null, {}];
  if (Array.isArray(item)) {
    return [item[0], item[1], item[2] ?? null, item[3] ?? {}];
  }
  return [item.method, item.url, item.body ?? null, item.params ?? {}];
}

/**
 * k6 `batch` (array form): the requests run concurrently; returns when all
 * answered. Synchronous: setup() and teardown() only.
 */
export function batch(requests: BatchItem[]): Response[] {
  const context = currentContext();
  if (context.vu !== 0) {
    throw new Error(
      "synchronous http calls would stall every VU of the Deno runner: " +
        "use `await http.asyncRequest(…)` in VU code (sync calls are for " +
        "setup() and teardown())",
    );
  }
  const items = requests.map(normalize);
  const prepared = items.map(([method, url, body, params]) => {
    if (params.responseType === "binary") {
      throw new Error("responseType binary needs http.asyncRequest here");
    }
    return prepare(method, url, body, params);
  });
  const answers = fetchSync(prepared);
  return answers.map((wire, i) =>
    finish(context, prepared[i], wire, items[i][3])
  );
}

/** k6 `request`; synchronous (setup() and teardown() only). */
export function request(
  method: string,
  url: string,
  body?: RequestBody,
  params?: Params,
): Response {
  return batch([[method, url, body, params]])[0];
}

/** k6 `get`; synchronous (setup() and teardown() only). */
export function get(url: string, params?: Params): Response {
  return request("GET", url, null, params);
}

/** k6 `post`; synchronous (setup() and teardown() only). */
export function post(
  url: string,
  body?: RequestBody,
  params?: Params,
): Response {
  return request("POST", url, body, params);
}

/** k6 `put`; synchronous (setup() and teardown() only). */
export function put(
  url: string,
  body?: RequestBody,
  params?: Params,
): Response {
  return request("PUT", url, body, params);
}

/** k6 `del`; synchronous (setup() and teardown() only). */
export function del(
  url: string,
  body?: RequestBody,
  params?: Params,
): Response {
  return request("DELETE", url, body, params);
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
