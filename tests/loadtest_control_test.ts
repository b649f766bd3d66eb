// CONTROL for the load tests: the hot-seat scenario, run by the Deno runner
// against an API that sells the same seat to everyone, must fail its
// thresholds. Without this, a passing load test could mean the scenario
// cannot see a double booking at all.
import assert from "node:assert/strict";
import { serveDoubleBookingApi } from "./support/double_booking_server.ts";
import type { RunSummary } from "../loadtest/runner/summary.ts";

const RUNNER = new URL("../loadtest/runner/run.ts", import.meta.url).pathname;
const IMPORT_MAP =
  new URL("../loadtest/runner/import_map.json", import.meta.url).pathname;
const HOT_SEAT =
  new URL("../loadtest/scenarios/hot_seat.ts", import.meta.url).pathname;

Deno.test("CONTROL: the hot-seat scenario fails its thresholds when the seat is sold twice", async () => {
  const server = serveDoubleBookingApi();
  const file = await Deno.makeTempFile({ suffix: ".json" });
  try {
    const run = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--no-config",
        `--import-map=${IMPORT_MAP}`,
        "-A",
        RUNNER,
        "--quiet",
        `--summary-export=${file}`,
        HOT_SEAT,
      ],
      env: {
        BASE_URL: `http://127.0.0.1:${server.addr.port}`,
        ADMIN_EMAIL: "admin@example.test",
        ADMIN_PASSWORD: "irrelevant-here",
        VUS: "5",
      },
      stdin: "null",
      stdout: "piped",
    }).output();
    const summary: RunSummary = JSON.parse(await Deno.readTextFile(file));
    assert.equal(run.code, 99, "k6's exit code for crossed thresholds");
    assert.equal(summary.passed, false);
    assert.equal(summary.metrics.bookings_ok.values.count, 5);
    assert.deepEqual(
      summary.thresholds.filter((t) => !t.passed).map((t) =>
        `${t.metric} ${t.expression}`
      ),
      ["bookings_ok count==1", "bookings_conflict count==4"],
    );
  } finally {
    await server.shutdown();
    await Deno.remove(file);
  }
});
