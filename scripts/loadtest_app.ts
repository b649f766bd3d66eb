// Starts the app for a load test as a child process (`scripts/start.ts`,
// so exactly what `deno task start` runs) and stops it again. The child's
// stdout is drained all the time (a full pipe would stall the app); its
// stderr is echoed with an [app] prefix so errors show up next to the run.

const START = new URL("./start.ts", import.meta.url).pathname;
const READY = /Busbook is running at (http:\/\/\S+?)\/? /;

export interface AppProcess {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:8105. */
  url: string;
  stop(): Promise<void>;
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
 * Runs scripts/start.ts on 127.0.0.1:`port` (0 = any free port) with `env`
 * added to this process's environment, and waits until /healthz answers.
 * @throws with the app's last output lines when it exits or is not ready
 * within `timeoutMs`.
 */
export async function startApp(options: {
  port: number;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<AppProcess> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", START],
    env: {
      ...options.env,
      PORT: String(options.port),
      HOSTNAME: "127.0.0.1",
    },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();

  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
  };
  let announce: (url: string) => void = () => {};
  const announced = new Promise<string>((resolve) => announce = resolve);
  const drained = Promise.all([
    pump(child.stdout, (line) => {
      remember(line);
      const match = READY.exec(line);
      if (match) announce(match[1]);
    }),
    pump(child.stderr, (line) => {
      remember(line);
      console.error(`[app] ${line}`);
    }),
  ]);

  let exited = false;
  const status = child.status.then((s) => {
    exited = true;
    return s;
  });
  const stop = async () => {
    if (!exited) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => !exited && child.kill("SIGKILL"), 15_000);
      await status;
      clearTimeout(timer);
    }
    await drained;
  };

  const timeoutMs = options.timeoutMs ?? 180_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    announced.then((url) => ({ url })),
    status.then((s) => ({ exit: s.code })),
    new Promise<{ timeout: true }>((resolve) => {
      timer = setTimeout(() => resolve({ timeout: true }), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (!("url" in outcome)) {
    await stop();
    const why = "exit" in outcome
      ? `exited with code ${outcome.exit}`
      : `was not ready after ${timeoutMs / 1000} s`;
    throw new Error(`the app ${why}. Its last output:\n${recent.join("\n")}`);
  }

  const url = outcome.url.replace(/\/+$/, "");
  const health = await fetch(`${url}/healthz`);
  await health.body?.cancel();
  if (!health.ok) {
    await stop();
    throw new Error(`${url}/healthz answered ${health.status}`);
  }
  return { url, stop };
}
