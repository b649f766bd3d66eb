// The short chaos soak (issue 15): `deno task chaos` with 20,000 booking
// attempts against two app instances while every kind of fault is
// injected, on a PostgreSQL, a Redis and a network of the run's own. It
// passes only when the checker finds nothing: every acknowledged booking
// kept, no seat sold twice, no half-done seat, no key with two bookings,
// Retry-After on every 5xx, no 500, no process death it did not cause.
// What each fault does and the long run: docs/reliability.md.
import assert from "node:assert/strict";
import { FAULT_KINDS } from "../chaos/faults.ts";

// A single server: every kind but the failover formation's primary kill.
const KINDS = FAULT_KINDS.filter((kind) => kind !== "primary_kill");
import { hasPostgresServer } from "./support/pg_cluster.ts";
import { hasRedisServer } from "./support/redis_server.ts";
import { skipUnless } from "./support/services.ts";

const ATTEMPTS = 20_000;

Deno.test({
  name:
    "a 20,000-attempt chaos soak with every fault kind ends with no violation",
  ignore: skipUnless(
    "PostgreSQL server binaries and redis-server (for the chaos soak)",
    hasPostgresServer() && hasRedisServer(),
  ),
  fn: async () => {
    const summaryFile = await Deno.makeTempFile({ suffix: ".json" });
    try {
      const run = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "-A",
          new URL("../chaos/run.ts", import.meta.url).pathname,
          `--attempts=${ATTEMPTS}`,
          "--max-minutes=10",
          `--summary=${summaryFile}`,
        ],
        stdin: "null",
        stdout: "inherit",
        stderr: "inherit",
      }).output();
      const summary = JSON.parse(await Deno.readTextFile(summaryFile));
      assert.ok(summary.attempts >= ATTEMPTS, `${summary.attempts} attempts`);
      for (const kind of KINDS) {
        assert.ok(summary.faults[kind] >= 1, `${kind} was injected`);
      }
      assert.ok(
        (summary.statuses["503"] ?? 0) > 0,
        "control: the faults reached the clients",
      );
      for (const [violation, count] of Object.entries(summary.violations)) {
        assert.equal(count, 0, violation);
      }
      assert.equal(run.code, 0);
    } finally {
      await Deno.remove(summaryFile);
    }
  },
});
