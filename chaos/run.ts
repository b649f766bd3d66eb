// `deno task chaos [--attempts=N] [--instances=K] [--workers=W]
//                  [--max-minutes=M] [--seed=S] [--summary=FILE] [--ha]`
//
// A soak under injected faults (docs/reliability.md): booking scenarios
// (chaos/workload.ts) against K app instances while faults
// (chaos/faults.ts) hit the apps, PostgreSQL, Redis and the network between
// them, all of them the run's own on loopback; with --ha the database is a
// pg_auto_failover formation and its primary is killed once. Every request
// is tallied;
// at the end the history is checked against the database
// (chaos/checker.ts). Prints one table; exits 1 on any violation.
import { parseArgs } from "node:util";
import { patchPackages } from "../scripts/patch_packages.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    attempts: { type: "string", default: "20000" },
    instances: { type: "string", default: "2" },
    workers: { type: "string", default: "32" },
    "max-minutes": { type: "string", default: "30" },
    seed: { type: "string" },
    ha: { type: "boolean", default: false },
    summary: { type: "string" },
  },
});
const target = Number(values.attempts);
const instances = Number(values.instances);
const workers = Number(values.workers);
const maxMs = Number(values["max-minutes"]) * 60_000;
const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));

await patchPackages({ log: console.log });
// The Redis helper loads lib/env.ts, which wants a database URL; the
// harness itself never connects through it.
Deno.env.set("DATABASE_URL", "postgres://127.0.0.1/not-used-by-the-harness");
// One secret for every instance and restart: a session stays valid on all.
Deno.env.set(
  "JWT_SECRET",
  Deno.env.get("JWT_SECRET") ?? crypto.randomUUID() + crypto.randomUUID(),
);
const { createWorld } = await import("./world.ts");
const { faultKindsFor, runFaults, seededRandom } = await import(
  "./faults.ts"
);
const { newRecorder } = await import("./client.ts");
const { createWorkload } = await import("./workload.ts");
const { check } = await import("./checker.ts");
const { report, totalAttempts } = await import("./report.ts");
const { login, registerPassengers } = await import(
  "../tests/support/busbook_client.ts"
);
const { FAULT_ADMIN } = await import("../tests/support/fault_app.ts");

console.log(
  `Chaos: ${target} attempts, ${instances} instances, ${workers} workers, seed ${seed}`,
);
const world = await createWorld({ instances, ha: values.ha });
// Ctrl-C or a kill stops everything the run started before it exits.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.addSignalListener(signal, async () => {
    console.error(`\n${signal}: stopping the run's servers…`);
    await world.close().catch(() => {});
    Deno.exit(130);
  });
}
let code = 1;
try {
  const base = world.slots[0].url;
  const adminToken = await login(base, FAULT_ADMIN.email, FAULT_ADMIN.password);
  const passengers = await registerPassengers(base, workers, "chaos");
  const recorder = newRecorder();
  const workload = createWorkload(recorder, () => world.live(), adminToken);

  const started = Date.now();
  const done = () =>
    totalAttempts(recorder) >= target || Date.now() - started > maxMs;
  const progress = setInterval(() => {
    const seconds = (Date.now() - started) / 1000;
    const attempts = totalAttempts(recorder);
    console.log(
      `  ${seconds.toFixed(0)} s: ${attempts} attempts (${
        (attempts / seconds).toFixed(0)
      }/s), ${world.live().length}/${instances} instances up`,
    );
  }, 15_000);
  const [faults] = await Promise.all([
    runFaults(world, done, seededRandom(seed)),
    ...passengers.map((passenger) => workload.worker(passenger, done)),
  ]);
  clearInterval(progress);
  const elapsedMs = Date.now() - started;

  await world.settle();
  // Let statements of abandoned requests run out (REQUEST_TIMEOUT_MS).
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  const { violations, supersededHolds } = await check(world.sql, recorder);
  const summary = report({
    recorder,
    faults,
    faultKinds: faultKindsFor(world),
    violations,
    supersededHolds,
    slots: world.slots,
    elapsedMs,
    instances,
    seed,
    tripsCreated: workload.trips.created,
  });
  if (values.summary) {
    await Deno.writeTextFile(values.summary, JSON.stringify(summary, null, 2));
  }
  code = summary.clean ? 0 : 1;
} catch (error) {
  console.error("chaos run failed:", error);
} finally {
  await world.close();
}
Deno.exit(code);
