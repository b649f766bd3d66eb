import type { Sql } from "./pool.ts";

const MIGRATIONS_DIR = new URL("../../migrations/", import.meta.url);
// Any fixed key works; it only has to be the same for every instance.
const MIGRATION_LOCK_KEY = 7_274_281_001;

export interface Migration {
  version: string;
  sql: string;
}

/** Reads `migrations/NNN_name.sql` in version order. */
export async function readMigrations(
  dir = MIGRATIONS_DIR,
): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.isFile || !/^\d{3,}_[\w-]+\.sql$/.test(entry.name)) continue;
    migrations.push({
      version: entry.name.replace(/\.sql$/, ""),
      sql: await Deno.readTextFile(new URL(entry.name, dir)),
    });
  }
  return migrations.sort((a, b) => a.version.localeCompare(b.version));
}

/**
 * Applies every pending migration in one transaction, under an advisory
 * lock so instances starting together apply each file exactly once.
 * @returns the versions applied by this call (empty when up to date).
 */
export async function migrate(
  sql: Sql,
  migrations?: Migration[],
): Promise<string[]> {
  const all = migrations ?? await readMigrations();
  return await sql.begin(async (tx) => {
    // The pool cuts statements off at the request deadline; a migration
    // may legitimately take longer.
    await tx`set local statement_timeout = 0`;
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
    await tx`
      create table if not exists schema_migrations (
        version text primary key,
        applied_at timestamptz not null default now()
      )
    `;
    const done = new Set(
      (await tx<{ version: string }[]>`select version from schema_migrations`)
        .map((row) => row.version),
    );
    const applied: string[] = [];
    for (const migration of all) {
      if (done.has(migration.version)) continue;
      await tx.unsafe(migration.sql);
      await tx`insert into schema_migrations (version) values (${migration.version})`;
      applied.push(migration.version);
    }
    return applied;
  });
}
