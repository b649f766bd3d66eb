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
import { currentContext } from "../vu_context.ts";
import { failedResponse, fetchSync, type WireResponse } from "../sync_fetch.ts";
import {
  expectedStatuses,
  finish,
  type Params,
  prepare,
  type RequestBody,
  Response,
  setResponseCallback,
} from "../http_exchange.ts";

export {
  expectedStatuses,
  type Params,
  type RequestBody,
  Response,
  type ResponseCallback,
  setResponseCallback,
  type Timings,
} from "../http_exchange.ts";

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
    wire = failedResponse(url, error, started);
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
