// A database of its own on a PostgreSQL server, for a test, a test run or a
// benchmark: created under a fresh name, dropped by `dispose`. It drops only
// the database it created, never one it found.
import postgres from "postgres";
import { migrate } from "../../lib/db/migrate.ts";

export interface ScratchDatabase {
  name: string;
  /** Connection URL of the scratch database. */
  url: string;
  /** Drops the database (closing its connections) and the maintenance link. */
  dispose(): Promise<void>;
}

export interface ScratchOptions {
  /** Any URL on the server; default the test run's server. */
  server?: string | URL;
  /** Start of the name; default `<test run>_scratch`. */
  prefix?: string;
  /** Apply the migrations before handing it over. */
  migrated?: boolean;
}

function testServer(): string {
  const server = Deno.env.get("BUSBOOK_TEST_DATABASE_SERVER");
  if (!server) throw new Error("Run tests through `deno task test`");
  return server;
}

function databaseUrl(server: string | URL, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.href;
}

/** Creates an empty (or, with `migrated`, migrated) database. */
export async function createScratchDatabase(
  options: ScratchOptions = {},
): Promise<ScratchDatabase> {
  const server = options.server ?? testServer();
  const prefix = options.prefix ??
    `${Deno.env.get("BUSBOOK_TEST_RUN")}_scratch`;
  const name = `${prefix}_${Date.now().toString(36)}_${
    crypto.randomUUID().slice(0, 8)
  }`;
  const maintenance = postgres(databaseUrl(server, "postgres"), {
    max: 1,
    onnotice: () => {},
  });
  try {
    await maintenance.unsafe(`create database "${name}"`);
  } catch (error) {
    await maintenance.end();
    throw error;
  }
  const scratch = {
    name,
    url: databaseUrl(server, name),
    dispose: async () => {
      try {
        await maintenance.unsafe(
          `drop database if exists "${name}" with (force)`,
        );
      } finally {
        await maintenance.end();
      }
    },
  };
  if (options.migrated) {
    const sql = postgres(scratch.url, { max: 1, onnotice: () => {} });
    try {
      await migrate(sql);
    } catch (error) {
      await sql.end();
      await scratch.dispose();
      throw error;
    }
    await sql.end();
  }
  return scratch;
}
