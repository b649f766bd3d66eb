import assert from "node:assert/strict";
import http from "./k6/http.ts";
import { check, group, sleep } from "./k6/k6.ts";
import { Counter } from "./k6/metrics.ts";
import exec from "./k6/execution.ts";
import { allMetrics, resetMetrics } from "./registry.ts";
import { installGlobals, runInContext, type VuContext } from "./vu_context.ts";
import { closeSyncFetch } from "./sync_fetch.ts";

// The server runs in a Worker (see http_test_server.ts).
async function withServer(fn: (base: string) => Promise<void> | void) {
  const worker = new Worker(
    new URL("./http_test_server.ts", import.meta.url),
    { type: "module" },
  );
  const port = await new Promise<number>((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
  });
  try {
    await fn(`http://127.0.0.1:${port}`);
  } finally {
    closeSyncFetch();
    worker.terminate();
  }
}

function context(overrides: Partial<VuContext> = {}): VuContext {
  return {
    vu: 3,
    iteration: 5,
    scenario: { name: "rush", startTime: 0, iterationInTest: 11 },
    tags: { scenario: "rush" },
    signal: new AbortController().signal,
    ...overrides,
  };
}

function samplesOf(name: string) {
  return allMetrics().get(name)?.samples ?? [];
}

Deno.test("a request records k6's metrics with k6's tags", async () => {
  resetMetrics();
  await withServer(async (base) => {
    const res = await runInContext(
      context(),
      () =>
        http.asyncRequest("POST", `${base}/echo`, JSON.stringify({ a: 1 }), {
          headers: { "content-type": "application/json" },
          tags: { name: "book" },
        }),
    );
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), {
      method: "POST",
      contentType: "application/json",
      body: '{"a":1}',
    });
    assert.equal(res.headers["X-Custom-Header"], "yes");
    assert.ok(res.timings.duration >= res.timings.waiting);
  });
  const [sample] = samplesOf("http_reqs");
  assert.deepEqual(sample.tags, {
    scenario: "rush",
    method: "POST",
    url: sample.tags.url,
    name: "book",
    status: "200",
    expected_response: "true",
  });
  assert.equal(samplesOf("http_req_duration").length, 1);
  assert.equal(samplesOf("http_req_failed")[0].value, 0);
});

Deno.test("expectedStatuses keeps a 409 from counting as a failed request", async () => {
  resetMetrics();
  await withServer((base) => {
    http.setResponseCallback(
      http.expectedStatuses({ min: 200, max: 299 }, 409),
    );
    try {
      for (const status of [201, 409, 500, 404]) {
        http.get(`${base}/status/${status}`);
      }
    } finally {
      http.setResponseCallback(http.expectedStatuses({ min: 200, max: 399 }));
    }
  });
  assert.deepEqual(
    samplesOf("http_req_failed").map((s) => [s.tags.status, s.value]),
    [["201", 0], ["409", 0], ["500", 1], ["404", 1]],
  );
});

Deno.test("an object body is form-encoded, as in k6", async () => {
  resetMetrics();
  await withServer((base) => {
    const res = http.post(`${base}/echo`, { seat: 4, who: "a b" });
    const body = res.json() as { contentType: string; body: string };
    assert.equal(body.contentType, "application/x-www-form-urlencoded");
    assert.equal(body.body, "seat=4&who=a+b");
  });
});

Deno.test("a refused connection answers status 0 with an error, not a throw", async () => {
  resetMetrics();
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = listener.addr.port;
  listener.close();
  const res = await http.asyncRequest("GET", `http://127.0.0.1:${port}/`);
  assert.equal(res.status, 0);
  assert.notEqual(res.error, "");
  assert.equal(samplesOf("http_req_failed")[0].value, 1);
  assert.equal(samplesOf("http_reqs")[0].tags.status, "0");
});

Deno.test("a request times out with k6's timeout error", async () => {
  resetMetrics();
  await withServer((base) => {
    const res = http.get(`${base}/slow`, { timeout: "100ms" });
    assert.equal(res.status, 0);
    assert.equal(res.error, "request timeout");
    assert.equal(res.error_code, 1050);
  });
});

Deno.test("stopping the scenario aborts pending requests and sleeps", async () => {
  resetMetrics();
  await withServer(async (base) => {
    const stop = new AbortController();
    const pending = runInContext(
      context({ signal: stop.signal }),
      () =>
        Promise.allSettled([
          http.asyncRequest("GET", `${base}/slow`),
          sleep(30),
        ]),
    );
    setTimeout(() => stop.abort(new Error("hard stop")), 50);
    const results = await pending;
    assert.deepEqual(results.map((r) => r.status), ["rejected", "rejected"]);
  });
  assert.equal(samplesOf("http_reqs").length, 0);
});

Deno.test("a synchronous batch answers every request, in order", async () => {
  resetMetrics();
  await withServer((base) => {
    const answers = http.batch([
      ["POST", `${base}/echo`, "first"],
      `${base}/status/409`,
      { method: "PUT", url: `${base}/echo`, body: "third" },
    ]);
    assert.deepEqual(answers.map((r) => r.status), [200, 409, 200]);
    assert.equal((answers[0].json() as { body: string }).body, "first");
    assert.equal((answers[2].json() as { method: string }).method, "PUT");
  });
  assert.equal(samplesOf("http_reqs").length, 3);
});

Deno.test("synchronous requests are refused inside an iteration (they would stall every VU)", () => {
  assert.throws(
    () => runInContext(context(), () => http.get("http://127.0.0.1:1/")),
    /use `await http.asyncRequest/,
  );
});

Deno.test("check records one sample per named check and refuses a Promise", () => {
  resetMetrics();
  const passed = runInContext(context(), () =>
    check({ status: 409 }, {
      "lost cleanly": (r) => r.status === 409,
      "won": (r) => r.status === 201,
    }));
  assert.equal(passed, false);
  assert.deepEqual(
    samplesOf("checks").map((s) => [s.tags.check, s.tags.scenario, s.value]),
    [["lost cleanly", "rush", 1], ["won", "rush", 0]],
  );
  assert.throws(
    () => check(Promise.resolve(1), { x: () => true }),
    /await the http call/,
  );
});

Deno.test("custom metrics, groups, __VU, __ITER and k6/execution read the VU's context", () => {
  resetMetrics();
  installGlobals({ BASE_URL: "http://x" });
  const counter = new Counter("bookings_ok");
  const seen = runInContext(context(), () =>
    group("book", () => {
      counter.add(1, { seat: "4" });
      return {
        vu: __VU,
        iter: __ITER,
        env: __ENV.BASE_URL,
        scenario: exec.scenario.name,
        inTest: exec.scenario.iterationInTest,
        vuId: exec.vu.idInTest,
      };
    }));
  assert.deepEqual(seen, {
    vu: 3,
    iter: 5,
    env: "http://x",
    scenario: "rush",
    inTest: 11,
    vuId: 3,
  });
  assert.deepEqual(samplesOf("bookings_ok")[0].tags, {
    scenario: "rush",
    group: "::book",
    seat: "4",
  });
  assert.equal(__VU, 0, "outside an iteration __VU is 0, as in setup");
  assert.throws(() => new Counter("bad name"), /invalid metric name/);
});
