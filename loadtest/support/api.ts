// The Busbook HTTP API as the scenarios use it. Runs under k6 and under the
// Deno runner: every call is `await http.asyncRequest(…)`, the one request
// form that is asynchronous in both.
import http from "k6/http";
import type { Response } from "k6/http";
import { Counter } from "k6/metrics";

export type { Response };

/** Where the app under test listens (`-e BASE_URL=…`). */
export const BASE_URL = (__ENV.BASE_URL ?? "http://127.0.0.1:8105").replace(
  /\/+$/,
  "",
);

/** 5xx answers, and requests that got no answer at all (status 0). */
export const serverErrors = new Counter("server_errors");

// A lost race answers 409 by design: it is an expected response, not a
// failed request (k6 would otherwise count every lost race in
// http_req_failed).
http.setResponseCallback(http.expectedStatuses({ min: 200, max: 299 }, 409));

export interface CallOptions {
  token?: string;
  /** The `name` tag: groups URLs with ids into one submetric. */
  name?: string;
}

/** Sends a JSON request; counts a 5xx or a missing answer in server_errors. */
export async function call(
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await http.asyncRequest(
    method,
    `${BASE_URL}${path}`,
    body === undefined ? null : JSON.stringify(body),
    { headers, tags: { name: options.name ?? path } },
  );
  serverErrors.add(res.status >= 500 || res.status === 0 ? 1 : 0);
  return res;
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
