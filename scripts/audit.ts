// `deno task audit`: checks the booking invariants of DESIGN.md §4 on the
// configured database, prints what it found, exits 1 on any violation.
import { loadEnvOrExit, prepareEnvironment } from "./environment.ts";

const prepared = await prepareEnvironment();
await loadEnvOrExit();
const { sql, closeDb } = await import("../lib/db/pool.ts");
const { auditBookingInvariants, INVARIANTS } = await import(
  "../lib/db/audit.ts"
);

const result = await auditBookingInvariants(sql);
const broken = new Map(result.violations.map((v) => [v.invariant, v.rows]));
for (const invariant of INVARIANTS) {
  const rows = broken.get(invariant);
  console.log(
    rows ? `✗ ${invariant}: ${rows.length} violating rows` : `✓ ${invariant}`,
  );
  if (rows) console.log(JSON.stringify(rows.slice(0, 20), null, 2));
}
console.log(result.ok ? "Audit clean." : "Audit FAILED.");
await closeDb();
await prepared.stop();
Deno.exit(result.ok ? 0 : 1);
