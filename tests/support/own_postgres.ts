// A primary PostgreSQL of the test's own, and streaming standbys of it, for
// tests about replicas (tests/replicas_test.ts). Built on pg_cluster.ts.
import {
  hasPostgresServer,
  type OwnPostgres,
  startOwnPostgres,
  startStandby,
} from "./pg_cluster.ts";

export interface OwnPrimary {
  /** URL of its `postgres` database. */
  url: string;
  /** Starts a streaming standby that reports as `name`; its URL. */
  startStandby(name: string): Promise<string>;
  /** Stops the standbys and the primary and deletes their folders. */
  dispose(): Promise<void>;
}

/** True when this machine can run a cluster of the test's own. */
export function canRunOwnPostgres(): boolean {
  return hasPostgresServer();
}

/** Starts a primary on a free port (see pg_cluster.ts). */
export async function startOwnPrimary(): Promise<OwnPrimary> {
  const primary = await startOwnPostgres();
  const standbys: OwnPostgres[] = [];
  return {
    url: primary.url(),
    startStandby: async (name) => {
      const standby = await startStandby(primary, name);
      standbys.push(standby);
      return standby.url();
    },
    dispose: async () => {
      for (const standby of standbys) await standby.destroy();
      await primary.destroy();
    },
  };
}
