// The runner end to end: a real subprocess running the fixture script
// (loadtest/fixtures/echo_server_script.ts) against a local echo server.
import assert from "node:assert/strict";
import type { RunSummary } from "./summary.ts";
import { runnerArgs } from "./command.ts";

const SCRIPT =
  new URL("../fixtures/echo_server_script.ts", import.meta.url).pathname;
const ASYNC_SETUP =
  new URL("../fixtures/async_setup_script.ts", import.meta.url).pathname;

async function runFixture(env: Record<string, string>, script = SCRIPT) {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (req) => new Response(await req.text() || "{}"),
  );
  const exportFile = await Deno.makeTempFile({ suffix: ".json" });
  try {
    const output = await new Deno.Command(Deno.execPath(), {
      args: runnerArgs(script, {
        quiet: true,
        summaryExport: exportFile,
        env: { ECHO_URL: `http://127.0.0.1:${server.addr.port}` },
      }),
      env,
      stdin: "null",
    }).output();
    const text = await Deno.readTextFile(exportFile);
    return {
      code: output.code,
      stdout: new TextDecoder().decode(output.stdout),
      summary: text ? JSON.parse(text) as RunSummary : undefined,
    };
  } finally {
    await server.shutdown();
    await Deno.remove(exportFile);
  }
}

Deno.test("the runner runs setup, both scenarios and the thresholds, and exits 0", async () => {
  const { code, stdout, summary } = await runFixture({});
  assert.equal(code, 0, stdout);
  assert.ok(summary);
  assert.equal(summary.passed, true);
  assert.equal(summary.metrics.fixture_hits.values.count, 9);
  const [shared, looping] = summary.scenarios;
  assert.deepEqual([shared.name, shared.completed, shared.interrupted], [
    "shared",
    9,
    0,
  ]);
  assert.ok(looping.completed > 0);
  assert.equal(
    summary.checks.find((c) => c.name === "setup ran as VU 0")?.passes,
    9,
  );
  assert.deepEqual(
    summary.metrics.http_reqs.values.count,
    summary.statuses["200"],
  );
  assert.equal(summary.requestsByName.hit.values.count, 9);
  assert.equal(summary.requestsByName.setup.values.count, 2);
  assert.equal(summary.requestsByName.teardown.values.count, 1);
  // VU ids 1..3 belong to the first scenario.
  assert.equal(summary.metrics.fixture_vu_ids.values.max, 3);
  assert.match(stdout, /✓ 'count==9' 9/);
  assert.match(stdout, /✓ all thresholds passed/);
});

Deno.test("a crossed threshold fails the run with k6's exit code 99", async () => {
  const { code, stdout, summary } = await runFixture({ EXPECTED_HITS: "8" });
  assert.equal(code, 99, stdout);
  assert.equal(summary?.passed, false);
  assert.deepEqual(
    summary?.thresholds.filter((t) => !t.passed).map((t) => t.expression),
    ["count==8"],
  );
  assert.match(stdout, /✗ 'count==8' 9/);
});

Deno.test("iteration errors are counted and shown, not swallowed", async () => {
  const { summary, stdout } = await runFixture({ THROW_IN_LOOP: "1" });
  const [error] = summary?.iterationErrors ?? [];
  assert.equal(error?.message, "Error: loop failed on purpose");
  assert.ok(error.count > 0);
  assert.match(stdout, /ITERATION ERRORS/);
});

Deno.test("a failing setup stops the run with exit code 107", async () => {
  const { code, summary } = await runFixture({ FAIL_SETUP: "1" });
  assert.equal(code, 107);
  assert.match(summary?.fatal ?? "", /setup\(\) failed: .*refused on purpose/);
  assert.deepEqual(summary?.scenarios, []);
});

Deno.test("an async setup() is refused: k6 would not await it", async () => {
  const { code, summary } = await runFixture({}, ASYNC_SETUP);
  assert.equal(code, 107);
  assert.match(summary?.fatal ?? "", /setup\(\) returned a Promise/);
});
