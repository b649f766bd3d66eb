// `deno run -A chaos/reconnect_probe.ts [rounds]`: how long after a
// PostgreSQL outage ends a pool answers again, with the driver's default
// reconnect backoff and with the app's (lib/db/retry.ts reconnectDelay),
// side by side on a cluster of its own: each round stops the server for
// 5 s while both pools keep asking, then starts it and times each pool's
// first answer.
import postgres from "postgres";
import { startOwnPostgres } from "../tests/support/pg_cluster.ts";
import { reconnectDelay } from "../lib/db/retry.ts";

const rounds = Number(Deno.args[0] ?? 5);
const pg = await startOwnPostgres();
const pools = {
  "driver default": postgres(pg.url(), { max: 4, onnotice: () => {} }),
  "lib/db/retry.ts": postgres(pg.url(), {
    max: 4,
    onnotice: () => {},
    backoff: reconnectDelay,
  }),
};
const times: Record<string, number[]> = Object.fromEntries(
  Object.keys(pools).map((name) => [name, []]),
);
try {
  for (let round = 0; round < rounds; round++) {
    for (const sql of Object.values(pools)) await sql`select 1`;
    await pg.stop("immediate");
    let upAt = 0;
    const asking = Object.entries(pools).map(async ([name, sql]) => {
      while (true) {
        const ok = await sql`select 1`.then(() => true, () => false);
        if (ok && upAt) return times[name].push(Date.now() - upAt);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await pg.start(); // returns once the server accepts connections
    upAt = Date.now();
    await Promise.all(asking);
  }
  for (const [name, list] of Object.entries(times)) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `${name.padEnd(16)} first answer after the server was back: ` +
        `${list.map((ms) => `${ms} ms`).join(", ")} ` +
        `(median ${sorted[Math.floor(sorted.length / 2)]} ms)`,
    );
  }
} finally {
  for (const sql of Object.values(pools)) await sql.end({ timeout: 1 });
  await pg.destroy();
}
