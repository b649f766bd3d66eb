// The other half of sync_fetch.ts: runs in a Worker, performs the
// requests with fetch (concurrently, like k6's http.batch), writes the
// answers as JSON into the shared buffer and wakes the waiting thread.
import {
  failedResponse,
  type WireRequest,
  type WireResponse,
} from "./sync_fetch.ts";

async function perform(request: WireRequest): Promise<WireResponse> {
  const started = performance.now();
  try {
    const answer = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: (request.body ?? undefined) as BodyInit | undefined,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const headersAt = performance.now();
    const body = await answer.text();
    return {
      status: answer.status,
      url: answer.url || request.url,
      headers: [...answer.headers],
      body,
      waiting: headersAt - started,
      duration: performance.now() - started,
    };
  } catch (error) {
    return failedResponse(request.url, error, started);
  }
}

globalThis.addEventListener("message", async (event: Event) => {
  const { shared, requests } = (event as MessageEvent).data as {
    shared: SharedArrayBuffer;
    requests: WireRequest[];
  };
  const header = new Int32Array(shared, 0, 2);
  const responses = await Promise.all(requests.map(perform));
  let bytes = new TextEncoder().encode(JSON.stringify(responses));
  if (bytes.length > shared.byteLength - 8) {
    bytes = new TextEncoder().encode(JSON.stringify({
      tooLarge: bytes.length,
    }));
  }
  new Uint8Array(shared, 8).set(bytes);
  header[1] = bytes.length;
  Atomics.store(header, 0, 1);
  Atomics.notify(header, 0);
});
