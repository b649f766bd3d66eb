// `deno task bench:login [rounds]`: does a login for an unknown email take
// as long as one with a wrong password? If not, response time tells an
// attacker which emails exist. The three cases run interleaved in one
// process; read the ratios. Works on a scratch database it creates on
// DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres)
// and drops after.
import { createBenchDatabase } from "./database.ts";
import { median } from "./stats.ts";

const rounds = Number(Deno.args[0] ?? 60);
const scratch = await createBenchDatabase("busbook_bench_login", 2);

try {
  const { sql } = await import("../lib/db/pool.ts");
  const { authenticateUser, registerUser } = await import(
    "../lib/auth/accounts.ts"
  );

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
  await scratch.dispose();
}
