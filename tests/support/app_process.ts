// An app process for fault tests and the chaos harness: started on a port
// (free unless given), ready once /healthz answers, its output drained and
// kept quietly (a storm of 503s logs thousands of lines), and killable
// with any signal. Unlike processes.ts's startServer it tells an exit the
// test caused from a death: `deaths` counts exits nobody asked for.
import { freePort } from "./processes.ts";

const ROOT = new URL("../../", import.meta.url);
const KEPT_LINES = 200;

export interface AppProcess {
  url: string;
  port: number;
  pid: number;
  /** Settles when the process exits. */
  status: Promise<Deno.CommandStatus>;
  exited: boolean;
  /** The last stderr lines (and stdout lines), oldest first. */
  output(): string;
  /** Lines seen on stderr that announce an uncaught error. */
  uncaught: string[];
  /** Sends a signal; the exit that follows counts as asked for. */
  kill(signal?: Deno.Signal): Promise<Deno.CommandStatus>;
  /** SIGTERM (graceful), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface AppProcessOptions {
  /** Arguments to `deno`; default `run -A scripts/start.ts`. */
  args?: string[];
  env: Record<string, string>;
  /** The checkout to run in; default this one. */
  cwd?: string;
  /** Start from an empty environment (plus `env`), not this process's. */
  clearEnv?: boolean;
  port?: number;
  timeoutMs?: number;
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

/**
 * Starts the app and waits until /healthz answers 200.
 * @throws with its last output when it exits first or is not ready in time.
 */
export async function startAppProcess(
  options: AppProcessOptions,
): Promise<AppProcess> {
  const port = options.port || freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: options.args ?? ["run", "-A", "scripts/start.ts"],
    cwd: options.cwd ?? ROOT.pathname,
    clearEnv: options.clearEnv,
    env: { ...options.env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const recent: string[] = [];
  const uncaught: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > KEPT_LINES) recent.shift();
    if (/Uncaught|panicked/.test(line)) uncaught.push(line);
  };
  const drained = Promise.all([
    pump(child.stdout, remember),
    pump(child.stderr, remember),
  ]).catch(() => {});
  const app: AppProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    status: child.status.then((status) => {
      app.exited = true;
      return status;
    }),
    exited: false,
    output: () => recent.join("\n"),
    uncaught,
    kill: async (signal = "SIGKILL") => {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
      const status = await app.status;
      await drained;
      return status;
    },
    stop: async (graceMs = 10_000) => {
      if (!app.exited) {
        try {
          child.kill("SIGTERM");
        } catch {
          // already gone
        }
        const timer = setTimeout(() => {
          try {
            child.kill("SIGKILL");
          } catch {
            // already gone
          }
        }, graceMs);
        await app.status;
        clearTimeout(timer);
      }
      await drained;
    },
  };
  const timeoutMs = options.timeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  while (!app.exited && Date.now() < deadline) {
    try {
      const res = await fetch(`${app.url}/healthz`, {
        signal: AbortSignal.timeout(2000),
      });
      await res.body?.cancel();
      if (res.ok) return app;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const why = app.exited
    ? `exited with code ${(await app.status).code}`
    : `was not ready after ${timeoutMs / 1000} s`;
  await app.stop(1000);
  throw new Error(`the app on port ${port} ${why}:\n${app.output()}`);
}
