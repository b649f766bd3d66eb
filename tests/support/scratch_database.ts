import postgres from "postgres";
import { uniqueSuffix } from "./factories.ts";

/**
 * Creates an empty database on the test server for one test and drops it
 * (it made it) when `dispose` runs.
 */
export async function createScratchDatabase(): Promise<{
  url: string;
  dispose(): Promise<void>;
}> {
  const server = Deno.env.get("BUSBOOK_TEST_DATABASE_SERVER");
  if (!server) throw new Error("Run tests through `deno task test`");
  const name = `${Deno.env.get("BUSBOOK_TEST_RUN")}_scratch_${uniqueSuffix()}`;
  const maintenanceUrl = new URL(server);
  maintenanceUrl.pathname = "/postgres";
  const maintenance = postgres(maintenanceUrl.href, {
    max: 1,
    onnotice: () => {},
  });
  await maintenance.unsafe(`create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    dispose: async () => {
      await maintenance.unsafe(
        `drop database if exists "${name}" with (force)`,
      );
      await maintenance.end();
    },
  };
}
