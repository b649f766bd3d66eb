// Does a login for an unknown email take as long as one with a wrong
// password? If not, response time tells an attacker which emails exist.
// The three cases run interleaved in one process; read the ratios.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     deno run -A scripts/bench_login_timing.ts [rounds]
//
// Works on a scratch database it creates on that server and drops after.
import postgres from "postgres";

const server = new URL(
  Deno.env.get("DATABASE_URL") ?? "postgres://postgres@127.0.0.1:5432/postgres",
);
const rounds = Number(Deno.args[0] ?? 60);
const scratch = `busbook_bench_login_${crypto.randomUUID().slice(0, 8)}`;
const maintenanceUrl = new URL(server);
maintenanceUrl.pathname = "/postgres";
const maintenance = postgres(maintenanceUrl.href, {
  max: 1,
  onnotice: () => {},
});
await maintenance.unsafe(`create database "${scratch}"`);

try {
  const url = new URL(server);
  url.pathname = `/${scratch}`;
  // lib/ modules read the environment at import: point them at the scratch db.
  Deno.env.set("DATABASE_URL", url.href);
  Deno.env.set("JWT_SECRET", crypto.randomUUID() + crypto.randomUUID());
  const { sql } = await import("../lib/db/pool.ts");
  const { migrate } = await import("../lib/db/migrate.ts");
  const { authenticateUser, registerUser } = await import(
    "../lib/auth/accounts.ts"
  );
  await migrate(sql);

  const password = "benchmark password";
  const email = "bench@example.test";
  await registerUser(sql, { name: "Bench", email, password });
  const cases = {
    "unknown email": { email: "nobody@example.test", password },
    "wrong password": { email, password: "not the password" },
    "right password": { email, password },
  };
  const timings = new Map<string, number[]>(
    Object.keys(cases).map((name) => [name, []]),
  );
  const once = async (input: { email: string; password: string }) => {
    const started = performance.now();
    await authenticateUser(sql, input).catch(() => {});
    return performance.now() - started;
  };
  // Warm-up: first argon2 call, the dummy hash, the connection.
  for (const input of Object.values(cases)) await once(input);
  for (let round = 0; round < rounds; round++) {
    for (const [name, input] of Object.entries(cases)) {
      timings.get(name)!.push(await once(input));
    }
  }
  await sql.end();

  const median = (xs: number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const reference = median(timings.get("wrong password")!);
  console.log(
    `authenticateUser, ${rounds} interleaved rounds: median ms (ratio to wrong password)`,
  );
  for (const [name, xs] of timings) {
    const m = median(xs);
    console.log(
      `  ${name.padEnd(15)} ${m.toFixed(1).padStart(6)} ms  ×${
        (m / reference).toFixed(2)
      }`,
    );
  }
} finally {
  await maintenance.unsafe(`drop database if exists "${scratch}" with (force)`);
  await maintenance.end();
}
