// Fills in what a developer machine lacks before lib/env.ts reads the
// environment: with no DATABASE_URL, an embedded PostgreSQL under .data/ and
// a JWT secret kept next to it. Import lib/ modules only after calling this.
import { startEmbeddedPostgres } from "../lib/db/embedded_postgres.ts";

export const DATA_DIR = new URL("../.data/", import.meta.url).pathname;

export interface PreparedEnvironment {
  embedded: boolean;
  stop(): Promise<void>;
}

async function readOrCreateSecret(file: string): Promise<string> {
  try {
    return (await Deno.readTextFile(file)).trim();
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    const bytes = crypto.getRandomValues(new Uint8Array(48));
    const secret = btoa(String.fromCharCode(...bytes));
    await Deno.writeTextFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

/** Starts the embedded database when no DATABASE_URL is configured. */
export async function prepareEnvironment(
  options: { log?: boolean } = {},
): Promise<PreparedEnvironment> {
  if (Deno.env.get("DATABASE_URL")) {
    return { embedded: false, stop: async () => {} };
  }
  if (options.log) {
    console.log("No DATABASE_URL set: starting embedded PostgreSQL in .data/");
  }
  const database = await startEmbeddedPostgres(`${DATA_DIR}postgres`, {
    database: "busbook",
  });
  Deno.env.set("DATABASE_URL", database.url);
  // The embedded database is a developer's machine: logs for a terminal.
  if (!Deno.env.get("LOG_FORMAT")) Deno.env.set("LOG_FORMAT", "text");
  if (!Deno.env.get("JWT_SECRET")) {
    Deno.env.set(
      "JWT_SECRET",
      await readOrCreateSecret(`${DATA_DIR}jwt-secret`),
    );
  }
  return { embedded: true, stop: database.stop };
}

/** Imports lib/env.ts, turning a bad environment into a clear exit. */
export async function loadEnvOrExit() {
  try {
    return (await import("../lib/env.ts")).env;
  } catch (error) {
    if (error instanceof Error && error.name === "EnvError") {
      console.error(error.message);
      Deno.exit(1);
    }
    throw error;
  }
}
