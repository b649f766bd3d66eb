// The load tool of the HTTP benchmarks (wrk, two threads unless told) and
// the yardstick its figures are divided by: bench/hello_server.ts, the
// smallest Deno.serve there is, measured in the same run with the same
// settings.
import { type ServerProcess, startServer } from "../tests/support/processes.ts";
import { processCpuMs as cpuMs } from "./cpu_time.ts";

export interface WrkOptions {
  /** wrk's threads (-t); default 2. */
  threads?: number;
  connections: number;
  seconds: number;
  /** Sent as Accept-Encoding when given. */
  acceptEncoding?: string;
  /** More request headers (e.g. Authorization). */
  headers?: Record<string, string>;
  /** The server's process, to measure its CPU time per request. */
  serverPid?: number;
}

export interface WrkResult {
  rps: number;
  requests: number;
  /** Non-2xx/3xx answers. */
  non2xx: number;
  /** Non-2xx/3xx answers plus socket errors (connect, read, write, timeout). */
  errors: number;
  p50: string;
  p99: string;
  /** The server's CPU time per request, µs (robust to a busy machine). */
  cpuUs: number;
}

/** Runs wrk against `url`. @throws when wrk fails. */
export async function wrk(
  url: string,
  options: WrkOptions,
): Promise<WrkResult> {
  const pid = options.serverPid;
  const cpuBefore = pid ? cpuMs(pid) : NaN;
  const { stdout, success } = await new Deno.Command("wrk", {
    args: [
      `-t${options.threads ?? 2}`,
      `-c${options.connections}`,
      `-d${options.seconds}s`,
      "--timeout",
      "5s",
      "--latency",
      ...(options.acceptEncoding
        ? ["-H", `Accept-Encoding: ${options.acceptEncoding}`]
        : []),
      ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => [
        "-H",
        `${name}: ${value}`,
      ]),
      url,
    ],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  const text = new TextDecoder().decode(stdout);
  if (!success) throw new Error(`wrk failed on ${url}:\n${text}`);
  const requests = Number(/(\d+) requests in/.exec(text)?.[1]);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
  const socket = text.match(
    /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/,
  );
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1]),
    requests,
    non2xx,
    errors: non2xx +
      (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
    p50: /^\s*50%\s+(\S+)/m.exec(text)?.[1] ?? "?",
    p99: /^\s*99%\s+(\S+)/m.exec(text)?.[1] ?? "?",
    cpuUs: pid ? ((cpuMs(pid) - cpuBefore) * 1000) / requests : NaN,
  };
}

/** Starts bench/hello_server.ts on 127.0.0.1:`port` (default a free one). */
export function startHelloServer(port?: number): Promise<ServerProcess> {
  return startServer({
    port,
    args: [
      "run",
      "--allow-net",
      "--allow-env",
      new URL("./hello_server.ts", import.meta.url).pathname,
    ],
    readyPath: "/",
    name: "hello",
  });
}
