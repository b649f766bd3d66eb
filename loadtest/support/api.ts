// The Busbook HTTP API as the scenarios use it, in the two forms k6 has:
// VU code sends with `send` (`await http.asyncRequest`, asynchronous under
// k6 and the Deno runner alike); setup() and teardown() send with
// `sendSync` (`http.request`/`http.batch`), because k6 does not reliably
// await an async setup(). Writes carry an Idempotency-Key, and `send`
// retries a 503 or a missing answer with the same key, as the API's retry
// contract asks (docs/reliability.md).
import http from "k6/http";
import type { Response } from "k6/http";
import { sleep } from "k6";
import { Counter } from "k6/metrics";

export type { Response };

/** Where the app under test listens (`-e BASE_URL=…`). */
export const BASE_URL = (__ENV.BASE_URL ?? "http://127.0.0.1:8105").replace(
  /\/+$/,
  "",
);

/** 5xx answers, and requests that got no answer at all (status 0). */
export const serverErrors = new Counter("server_errors");

/** Requests sent again after a 503 or no answer (same Idempotency-Key). */
export const retriedRequests = new Counter("retried_requests");

/** No answer (0), a stalled body (408), and a server or proxy in trouble. */
const RETRYABLE = new Set([0, 408, 502, 503, 504]);

/** How often, and for how long, `send` retries one request. */
export const RETRY_ATTEMPTS = 8;
const MAX_WAIT_SECONDS = 5;

// A lost race answers 409 by design: it is an expected response, not a
// failed request (k6 would otherwise count every lost race in
// http_req_failed).
http.setResponseCallback(http.expectedStatuses({ min: 200, max: 299 }, 409));

/** One API call, as data, so it can be sent either way. */
export interface ApiRequest {
  method: string;
  path: string;
  body?: unknown;
  token?: string;
  /** The `name` tag: groups URLs with ids into one submetric. */
  name: string;
  /** Sent as Idempotency-Key: every retry of this request reuses it. */
  idempotencyKey?: string;
}

/** A fresh Idempotency-Key (unique per VU and call). */
export function newIdempotencyKey(): string {
  return `${__VU}-${Date.now().toString(36)}-${
    Math.random().toString(36).slice(2, 12)
  }`;
}

type Wire = [string, string, string | null, {
  headers: Record<string, string>;
  tags: Record<string, string>;
}];

function toWire(request: ApiRequest): Wire {
  const headers: Record<string, string> = {};
  if (request.body !== undefined) headers["content-type"] = "application/json";
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.idempotencyKey) {
    headers["idempotency-key"] = request.idempotencyKey;
  }
  return [
    request.method,
    `${BASE_URL}${request.path}`,
    request.body === undefined ? null : JSON.stringify(request.body),
    { headers, tags: { name: request.name } },
  ];
}

function counted(res: Response): Response {
  serverErrors.add(res.status >= 500 || res.status === 0 ? 1 : 0);
  return res;
}

/** Seconds to wait before retry `attempt` (0-based): Retry-After, else backoff. */
function retryDelay(res: Response, attempt: number): number {
  const hinted = Number(res.headers["Retry-After"]);
  const backoff = Math.min(0.1 * 2 ** attempt, 2) * (0.5 + Math.random());
  return Math.min(hinted > 0 ? hinted : backoff, MAX_WAIT_SECONDS);
}

/**
 * Sends from VU code. A 503 (or 408, 502, 504) or a missing answer (status
 * 0) is sent again, with the same Idempotency-Key, after Retry-After (or a
 * short backoff), up to RETRY_ATTEMPTS times; only the last answer counts in
 * server_errors.
 */
export async function send(request: ApiRequest): Promise<Response> {
  for (let attempt = 0;; attempt++) {
    const res = await http.asyncRequest(...toWire(request));
    if (!RETRYABLE.has(res.status) || attempt >= RETRY_ATTEMPTS) {
      return counted(res);
    }
    retriedRequests.add(1);
    await sleep(retryDelay(res, attempt));
  }
}

/** Sends from setup()/teardown(), concurrently, waiting for every answer. */
export function sendAllSync(requests: ApiRequest[]): Response[] {
  return http.batch(requests.map(toWire)).map(counted);
}

/** Sends one request from setup()/teardown(). */
export function sendSync(request: ApiRequest): Response {
  return sendAllSync([request])[0];
}

/** The parsed JSON body, or undefined when it is not JSON. */
export function bodyOf<T>(res: Response): T | undefined {
  try {
    return JSON.parse(String(res.body)) as T;
  } catch {
    return undefined;
  }
}

/** Same ids, in any order. */
export function sameIds(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...b].sort((x, y) => x - y);
  return [...a].sort((x, y) => x - y).every((id, i) => id === sorted[i]);
}

/** Throws with the status and body when `res` is not `status`. */
export function expectStatus(res: Response, status: number, what: string) {
  if (res.status !== status) {
    throw new Error(
      `${what}: expected ${status}, got ${res.status} ${
        String(res.body).slice(0, 300)
      }`,
    );
  }
}

/** A short random string for unique names and emails in one test run. */
export function runId(): string {
  return Math.random().toString(36).slice(2, 10);
}
