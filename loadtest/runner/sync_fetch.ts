// Synchronous HTTP for k6's synchronous API (`http.get`, `http.post`,
// `http.batch`, …) in setup() and teardown(). k6 does not reliably await an
// async setup(), so the scenarios' setup and teardown are synchronous and
// call these; VU code uses `await http.asyncRequest` instead.
//
// How: a Worker performs the fetches while this thread blocks in
// Atomics.wait on a SharedArrayBuffer, and reads the answers the worker
// wrote there. Blocking is fine in setup/teardown, which run alone; inside
// an iteration it would stall every VU, so k6/http refuses it there.

export interface WireRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string | Uint8Array | null;
  timeoutMs: number;
}

export interface WireResponse {
  status: number;
  url: string;
  headers: [string, string][];
  body: string | null;
  /** Milliseconds from the call to the response headers. */
  waiting: number;
  /** Milliseconds from the call to the last body byte. */
  duration: number;
  error?: string;
  errorCode?: number;
}

/**
 * The answer to a request that got none (k6's status 0): error code 1050
 * for a timeout, 1000 for any other failure.
 */
export function failedResponse(
  url: string,
  error: unknown,
  started: number,
): WireResponse {
  const timedOut = error instanceof DOMException &&
    error.name === "TimeoutError";
  const elapsed = performance.now() - started;
  return {
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

const CAPACITY = 32 * 1024 * 1024;
let worker: Worker | undefined;
let shared: SharedArrayBuffer | undefined;

/**
 * Performs the requests (concurrently) and blocks until all answered.
 * @throws when the answers do not arrive within the longest timeout + 5 s.
 */
export function fetchSync(requests: WireRequest[]): WireResponse[] {
  if (requests.length === 0) return [];
  worker ??= new Worker(new URL("./sync_fetch_worker.ts", import.meta.url), {
    type: "module",
  });
  shared ??= new SharedArrayBuffer(CAPACITY + 8);
  const header = new Int32Array(shared, 0, 2);
  Atomics.store(header, 0, 0);
  worker.postMessage({ shared, requests });
  const limit = Math.max(...requests.map((r) => r.timeoutMs)) + 5000;
  if (Atomics.wait(header, 0, 0, limit) === "timed-out") {
    throw new Error(`synchronous requests got no answer in ${limit} ms`);
  }
  const bytes = new Uint8Array(shared, 8, header[1]).slice();
  const answer = JSON.parse(new TextDecoder().decode(bytes));
  if (!Array.isArray(answer)) {
    throw new Error(`responses too large for sync http (${answer.tooLarge} B)`);
  }
  return answer;
}

/** Ends the worker so the process can exit. */
export function closeSyncFetch(): void {
  worker?.terminate();
  worker = undefined;
}
