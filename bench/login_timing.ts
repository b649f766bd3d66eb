// Does a login for an unknown email take as long as one with a wrong
// password? (If not, response time tells an attacker which emails exist.)
// Interleaves the three cases in one run and prints medians and ratios.
//
//   DATABASE_URL=postgres://…/busbook JWT_SECRET=… deno run -A bench/login_timing.ts [rounds]
//
// Needs a migrated database; adds one user with a random email and removes it.
import { sql } from "../lib/db.ts";
import { authenticateUser, registerUser } from "../lib/accounts.ts";

const rounds = Number(Deno.args[0] ?? 40);
const password = "benchmark password";
const email = `bench-${crypto.randomUUID()}@example.test`;
const user = await registerUser(sql, { name: "Bench", email, password });

const cases = {
  "unknown email": {
    email: `nobody-${crypto.randomUUID()}@example.test`,
    password,
  },
  "wrong password": { email, password: "not the password" },
  "right password": { email, password },
};
const timings: Record<string, number[]> = {};
for (const name of Object.keys(cases)) timings[name] = [];

async function once(input: { email: string; password: string }) {
  const started = performance.now();
  await authenticateUser(sql, input).catch(() => {});
  return performance.now() - started;
}

// Warm-up (first argon2 call, dummy hash, connection).
for (const input of Object.values(cases)) await once(input);
for (let round = 0; round < rounds; round++) {
  for (const [name, input] of Object.entries(cases)) {
    timings[name].push(await once(input));
  }
}
await sql`delete from users where id = ${user.id}`;
await sql.end();

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const reference = median(timings["wrong password"]);
console.log(
  `login timing, ${rounds} interleaved rounds (median ms, ratio to wrong password)`,
);
for (const [name, xs] of Object.entries(timings)) {
  const m = median(xs);
  console.log(
    `${name.padEnd(16)} ${m.toFixed(1).padStart(7)} ms  ×${
      (m / reference).toFixed(2)
    }`,
  );
}
