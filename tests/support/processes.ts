// Child processes for the tests, the benchmarks and the load test: free
// ports, a server process that counts as started once an HTTP path answers
// (the app itself among them), and one-shot fixture scripts. A started
// server's stdout and stderr are drained all the time (a full pipe would
// stall it); stderr is echoed with a prefix, and the last lines of both are
// kept for the error when it fails to start.
import assert from "node:assert/strict";

const ROOT = new URL("../../", import.meta.url);
const KEPT_LINES = 40;

/** A 127.0.0.1 port nothing listens on right now. */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** Waits until 127.0.0.1:`port` accepts connections (`up`) or refuses them. */
export async function waitForPort(
  port: number,
  up: boolean,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const connection = await Deno.connect({ hostname: "127.0.0.1", port });
      connection.close();
      if (up) return;
    } catch {
      if (!up) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`port ${port} did not come ${up ? "up" : "down"}`);
}

export interface ServerProcess {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:8105. */
  url: string;
  port: number;
  pid: number;
  /** Settles when the process exits, for whatever reason. */
  status: Promise<Deno.CommandStatus>;
  /** SIGTERM, then SIGKILL after the grace period; safe to call twice. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Arguments to `deno`, e.g. ["run", "-A", "main.ts"]. */
  args: string[];
  /** Added to this process's environment, beside PORT and HOSTNAME. */
  env?: Record<string, string>;
  /** 0 or absent: a free port. A given port must be free. */
  port?: number;
  /** Answering 2xx here means ready. */
  readyPath?: string;
  timeoutMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL. */
  graceMs?: number;
  /** Prefix of the echoed stderr lines. */
  name?: string;
}

async function pump(
  stream: ReadableStream<Uint8Array>,
  onLine: (line: string) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of stream) {
    buffered += decoder.decode(chunk, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    lines.forEach(onLine);
  }
  if (buffered) onLine(buffered);
}

function ensureFree(port: number): void {
  try {
    Deno.listen({ hostname: "127.0.0.1", port }).close();
  } catch {
    // Something else answering the readiness probe would pass for us.
    throw new Error(`port ${port} is in use`);
  }
}

/**
 * Starts `deno <args>` serving on 127.0.0.1 and waits until `readyPath`
 * answers 2xx.
 * @throws with the process's last output lines when it exits first or is
 * not ready within `timeoutMs`, and when a given port is already taken.
 */
export async function startServer(
  options: ServerOptions,
): Promise<ServerProcess> {
  const port = options.port || freePort();
  if (options.port) ensureFree(port);
  const name = options.name ?? "server";
  const child = new Deno.Command(Deno.execPath(), {
    args: options.args,
    cwd: ROOT.pathname,
    env: { ...options.env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();

  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > KEPT_LINES) recent.shift();
  };
  const drained = Promise.all([
    pump(child.stdout, remember),
    pump(child.stderr, (line) => {
      remember(line);
      console.error(`[${name}] ${line}`);
    }),
  ]).catch(() => {});
  let exited = false;
  const status = child.status.then((s) => {
    exited = true;
    return s;
  });
  const kill = (signal: Deno.Signal) => {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (!exited) {
      kill("SIGTERM");
      const timer = setTimeout(
        () => kill("SIGKILL"),
        options.graceMs ?? 10_000,
      );
      await status;
      clearTimeout(timer);
    }
    await drained;
  };

  const url = `http://127.0.0.1:${port}`;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  while (!exited && Date.now() < deadline) {
    try {
      const res = await fetch(`${url}${options.readyPath ?? "/"}`);
      await res.body?.cancel();
      if (res.ok && !exited) return { url, port, pid: child.pid, status, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const why = exited
    ? `exited with code ${(await status).code}`
    : `was not ready after ${timeoutMs / 1000} s`;
  await stop();
  throw new Error(
    `${name} (deno ${options.args.join(" ")}) on port ${port} ${why}. ` +
      `Its last output:\n${recent.join("\n") || "(none)"}`,
  );
}

export interface AppOptions {
  /** main.ts (the bare app) or scripts/start.ts (what `deno task start` runs). */
  entry?: "main.ts" | "scripts/start.ts";
  port?: number;
  timeoutMs?: number;
}

/**
 * Starts the app as its own process on 127.0.0.1 with this process's
 * environment plus `env`, and waits until /healthz answers.
 * @throws as `startServer` does.
 */
export function startApp(
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<ServerProcess> {
  return startServer({
    args: ["run", "-A", options.entry ?? "main.ts"],
    env,
    port: options.port,
    readyPath: "/healthz",
    timeoutMs: options.timeoutMs,
    name: "app",
  });
}

/**
 * Starts the app on every core (`deno serve --parallel parallel.ts`) on
 * 127.0.0.1 and waits until /healthz answers, like {@link startApp}.
 */
export function startParallelApp(
  env: Record<string, string> = {},
  options: Omit<AppOptions, "entry"> = {},
): Promise<ServerProcess> {
  const port = options.port || freePort();
  return startServer({
    args: [
      "serve",
      "--parallel",
      "-A",
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "parallel.ts",
    ],
    env,
    port,
    readyPath: "/healthz",
    timeoutMs: options.timeoutMs,
    name: "app",
  });
}

/**
 * Runs `tests/fixtures/<name>` in its own Deno process (so it can read a
 * different environment at start-up), asserts it exited 0, and returns its
 * stderr and the JSON object it printed as its last stdout line.
 */
export async function runFixture(
  name: string,
  env: Record<string, string>,
): Promise<{ result: Record<string, unknown>; stderr: string }> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      new URL(`../fixtures/${name}`, import.meta.url).pathname,
    ],
    env,
    stdin: "null",
  }).output();
  const stdout = new TextDecoder().decode(output.stdout);
  const stderr = new TextDecoder().decode(output.stderr);
  assert.equal(output.code, 0, stderr);
  return { result: JSON.parse(stdout.trim().split("\n").at(-1)!), stderr };
}

/**
 * Every live descendant of `roots` (from /proc parent links). Collect them
 * before killing anything: an orphan is re-parented to init, and some of
 * pg_auto_failover's (the monitor's logger and health-check worker) run in
 * sessions of their own and outlived their postmaster by minutes.
 */
export function descendantsOf(roots: number[]): number[] {
  const children = new Map<number, number[]>();
  for (const entry of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    try {
      const stat = Deno.readTextFileSync(`/proc/${entry.name}/stat`);
      // Field 4, after the parenthesised command name, is the parent.
      const parent = Number(stat.split(") ")[1].split(" ")[1]);
      children.set(parent, [...children.get(parent) ?? [], Number(entry.name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const pending = [...roots];
  while (pending.length) {
    for (const child of children.get(pending.pop()!) ?? []) {
      found.push(child);
      pending.push(child);
    }
  }
  return found;
}
