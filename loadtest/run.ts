// `deno task loadtest [--smoke] [--summary-dir=DIR] [scenario…]`
//
// Runs the k6 scenarios of loadtest/scenarios through the Deno runner, then
// audits the booking invariants in the database, and exits 1 when any
// threshold or invariant failed. With BASE_URL it tests that app (the audit
// then needs its DATABASE_URL); without, it starts the app itself on
// 127.0.0.1:LOADTEST_PORT (8105) against DATABASE_URL or the embedded
// PostgreSQL, with an admin for setup(), HOLD_MINUTES=1 and the sign-up
// rate limits lifted (setup registers one user per VU from one IP), and
// stops everything it started.
import { parseArgs } from "node:util";
import { prepareEnvironment } from "../scripts/environment.ts";
import { startApp } from "../tests/support/processes.ts";
import {
  FULL_ENV,
  type ScenarioName,
  scenarioPath,
  SCENARIOS,
  SMOKE_ENV,
  tripIdsOf,
} from "./plan.ts";
import { runnerArgs } from "./runner/command.ts";
import type { RunSummary } from "./runner/summary.ts";

const { values: flags, positionals } = parseArgs({
  args: Deno.args,
  options: {
    smoke: { type: "boolean", default: false },
    "summary-dir": { type: "string" },
  },
  allowPositionals: true,
});
const unknown = positionals.filter((name) =>
  !SCENARIOS.includes(name as ScenarioName)
);
if (unknown.length) {
  console.error(
    `unknown scenario(s) ${unknown.join(", ")}; pick from ${
      SCENARIOS.join(", ")
    }`,
  );
  Deno.exit(2);
}
const chosen = (positionals.length ? positionals : SCENARIOS) as ScenarioName[];
const summaryDir = flags["summary-dir"] ?? await Deno.makeTempDir({
  prefix: "busbook-loadtest-",
});

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  cleanups.length = 0;
}
Deno.addSignalListener("SIGINT", async () => {
  await cleanUp();
  Deno.exit(130);
});

/** What the scenarios (and the app, when started here) are told. */
const shared: Record<string, string> = {
  ADMIN_EMAIL: Deno.env.get("ADMIN_EMAIL") ?? "loadtest-admin@busbook.test",
  ADMIN_PASSWORD: Deno.env.get("ADMIN_PASSWORD") ?? "loadtest-admin-password",
  HOLD_MINUTES: Deno.env.get("HOLD_MINUTES") ?? "1",
};

async function appUnderTest(): Promise<string> {
  const given = Deno.env.get("BASE_URL");
  if (given) return given.replace(/\/+$/, "");
  const prepared = await prepareEnvironment({ log: true });
  cleanups.push(prepared.stop);
  // A database given without a secret: the app still needs one to sign
  // sessions; this run's tokens need not outlive it.
  if (!Deno.env.get("JWT_SECRET")) {
    Deno.env.set("JWT_SECRET", crypto.randomUUID() + crypto.randomUUID());
  }
  const unlimited = "1000000000";
  // scripts/start.ts: exactly what `deno task start` runs.
  const app = await startApp({
    ...shared,
    DATABASE_URL: Deno.env.get("DATABASE_URL")!,
    JWT_SECRET: Deno.env.get("JWT_SECRET")!,
    DATABASE_POOL_MAX: Deno.env.get("DATABASE_POOL_MAX") ?? "20",
    REGISTER_LIMIT_PER_IP: unlimited,
    LOGIN_LIMIT_PER_IP: unlimited,
    LOGIN_LIMIT_PER_EMAIL: unlimited,
    LOG_REQUESTS: "false",
  }, {
    entry: "scripts/start.ts",
    port: Number(Deno.env.get("LOADTEST_PORT") ?? 8105),
    timeoutMs: 180_000,
  });
  cleanups.push(app.stop);
  console.log(`Started the app at ${app.url}`);
  return app.url;
}

async function runScenario(
  name: ScenarioName,
  baseUrl: string,
): Promise<{ code: number; summary?: RunSummary }> {
  const file = `${summaryDir}/${name}.json`;
  console.log(`\n━━ ${name} ━━`);
  const sizes = flags.smoke ? SMOKE_ENV[name] : FULL_ENV[name];
  const { code } = await new Deno.Command(Deno.execPath(), {
    args: runnerArgs(scenarioPath(name), {
      summaryExport: file,
      quiet: flags.smoke,
    }),
    // The scripts' __ENV: this environment, then the run's settings.
    env: { ...shared, ...sizes, BASE_URL: baseUrl },
    stdin: "null",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn().status;
  try {
    return { code, summary: JSON.parse(await Deno.readTextFile(file)) };
  } catch {
    return { code };
  }
}

function row(name: string, summary: RunSummary | undefined, code: number) {
  if (!summary) return `${name.padEnd(18)} ✗ no summary (exit ${code})`;
  const vus = summary.scenarios.reduce((sum, s) => sum + s.vus, 0);
  const requests = summary.metrics.http_reqs?.values.count ?? 0;
  const statuses = Object.entries(summary.statuses).map(([s, n]) => `${s}×${n}`)
    .join(" ");
  const p95 = summary.metrics.http_req_duration?.values["p(95)"];
  return [
    name.padEnd(18),
    summary.passed ? "✓" : "✗",
    `${vus} VUs`.padStart(8),
    `${(summary.durationMs / 1000).toFixed(1)} s`.padStart(8),
    `${requests} req`.padStart(10),
    `p95 ${p95 === undefined ? "-" : p95.toFixed(0)} ms`.padStart(12),
    ` ${statuses}`,
  ].join(" ");
}

async function audit(tripIds: number[] | undefined) {
  if (!Deno.env.get("DATABASE_URL")) {
    console.error(
      "\n✗ AUDIT NOT RUN: set DATABASE_URL to the database of the app at BASE_URL",
    );
    return { ok: false, violations: [], skipped: true };
  }
  Deno.env.set(
    "JWT_SECRET",
    Deno.env.get("JWT_SECRET") ?? crypto.randomUUID() + crypto.randomUUID(),
  );
  const { sql, closeDb } = await import("../lib/db/pool.ts");
  const { auditBookingInvariants, INVARIANTS } = await import(
    "../lib/db/audit.ts"
  );
  try {
    const result = await auditBookingInvariants(sql, { tripIds });
    console.log(
      `\nAudit of the booking invariants (${
        tripIds ? `trips ${tripIds.join(", ")}` : "whole database"
      }):`,
    );
    const broken = new Map(result.violations.map((v) => [v.invariant, v.rows]));
    for (const invariant of INVARIANTS) {
      const rows = broken.get(invariant);
      console.log(
        rows ? `  ✗ ${invariant}: ${rows.length} rows` : `  ✓ ${invariant}`,
      );
      if (rows) console.log(JSON.stringify(rows.slice(0, 10)));
    }
    return { ...result, skipped: false };
  } finally {
    await closeDb();
  }
}

let failed = false;
try {
  const baseUrl = await appUnderTest();
  const results: { name: string; code: number; summary?: RunSummary }[] = [];
  for (const name of chosen) {
    results.push({ name, ...await runScenario(name, baseUrl) });
  }
  // The smoke run shares the test suite's database: audit only its trips.
  const tripIds = flags.smoke
    ? results.flatMap((r) => tripIdsOf(r.summary?.setupData))
    : undefined;
  const audited = await audit(tripIds);
  await Deno.writeTextFile(
    `${summaryDir}/audit.json`,
    JSON.stringify(audited, null, 2),
  );

  console.log("\n━━ load test results ━━");
  for (const r of results) console.log(row(r.name, r.summary, r.code));
  console.log(
    audited.skipped
      ? "audit              ✗ not run"
      : `audit              ${
        audited.ok ? "✓ clean" : "✗ VIOLATIONS"
      } (${audited.violations.length} invariants broken)`,
  );
  console.log(`summaries in ${summaryDir}`);
  failed = results.some((r) => r.code !== 0 || !r.summary?.passed) ||
    !audited.ok;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  failed = true;
} finally {
  await cleanUp();
}
Deno.exit(failed ? 1 : 0);
