// `deno task bench:login-storm`: what a burst of sign-ins does to everyone
// else. Cached GET /api/trips/:id with wrk alone, then again while 10
// logins run back to back (each an argon2id verification), in one run:
// the read throughput ratio, the read p99 under the storm, logins/s.
// Not a test: nothing here asserts.
//
// Env: DATABASE_URL (server; default the local PostgreSQL), BENCH_SECONDS
// (10), BENCH_CONNECTIONS (50), BENCH_LOGINS (10 concurrent),
// BENCH_APP_DIR (another checkout's root, to measure it the same way).
import { createBenchDatabase, createBenchTrip } from "./database.ts";
import { startServer } from "../tests/support/processes.ts";
import { wrk } from "./wrk.ts";

const seconds = Number(Deno.env.get("BENCH_SECONDS") ?? 10);
const connections = Number(Deno.env.get("BENCH_CONNECTIONS") ?? 50);
const loginClients = Number(Deno.env.get("BENCH_LOGINS") ?? 10);
const appDir = Deno.env.get("BENCH_APP_DIR");
const PASSWORD = "bench password 123";

const scratch = await createBenchDatabase("busbook_bench_logins");
const { sql } = await import("../lib/db/pool.ts");
const { hashPassword } = await import("../lib/auth/passwords.ts");
let app;
try {
  const tripId = await createBenchTrip(sql);
  const email = `bench-${crypto.randomUUID()}@example.test`;
  await sql`
    insert into users (name, email, password_hash)
    values ('Bench', ${email}, ${await hashPassword(PASSWORD)})
  `;
  const entry = appDir ? `${appDir}/main.ts` : "main.ts";
  app = await startServer({
    args: [
      "run",
      "-A",
      ...(appDir ? ["--config", `${appDir}/deno.json`] : []),
      entry,
    ],
    env: {
      // The sign-in limits would turn the storm into cheap 429s.
      LOGIN_LIMIT_PER_IP: "100000000",
      LOGIN_LIMIT_PER_EMAIL: "100000000",
    },
    readyPath: "/healthz",
    name: "app",
  });
  const url = `${app.url}/api/trips/${tripId}`;
  await (await fetch(url)).body?.cancel(); // fills the cache

  const alone = await wrk(url, { connections, seconds });

  let storming = true;
  let logins = 0;
  let failed = 0;
  const loop = async () => {
    while (storming) {
      const res = await fetch(`${app!.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      await res.body?.cancel();
      if (res.ok) logins++;
      else failed++;
    }
  };
  const started = performance.now();
  const loops = Array.from({ length: loginClients }, loop);
  const stormed = await wrk(url, { connections, seconds });
  storming = false;
  await Promise.all(loops);
  const loginRate = logins / ((performance.now() - started) / 1000);

  console.log(
    `Cached GET /api/trips/:id, wrk -t2 -c${connections} -d${seconds}s; ` +
      `${loginClients} concurrent logins; app ${appDir ?? "this checkout"}`,
  );
  console.log(
    `| reads alone | reads during logins | ratio | p99 alone | p99 during | logins/s | failed logins |`,
  );
  console.log(`|---:|---:|---:|---:|---:|---:|---:|`);
  console.log(
    `| ${alone.rps.toFixed(0)} | ${stormed.rps.toFixed(0)} | ${
      (stormed.rps / alone.rps).toFixed(2)
    } | ${alone.p99} | ${stormed.p99} | ${loginRate.toFixed(1)} | ${failed} |`,
  );
  console.log(`load average: ${Deno.loadavg().map((n) => n.toFixed(2))}`);
} finally {
  await app?.stop();
  await sql.end();
  await scratch.dispose();
}
