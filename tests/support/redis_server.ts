// A Redis server of the test's own, on a free port, that the test may stop,
// freeze and restart — the shared Redis on 6379 is never touched.
import { createRedisClient, type RedisClient } from "../../lib/redis.ts";
import { freePort, waitForPort } from "./processes.ts";

export interface OwnRedis {
  url: string;
  port: number;
  /** Stops the server (SIGTERM; it keeps no data). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open, nothing answers. */
  freeze(): void;
  /** Thaws a frozen server (SIGCONT). */
  thaw(): void;
}

/** True when a `redis-server` binary is on PATH. */
export function hasRedisServer(): boolean {
  try {
    const { success } = new Deno.Command("redis-server", {
      args: ["--version"],
      stdout: "null",
      stderr: "null",
    }).outputSync();
    return success;
  } catch {
    return false;
  }
}

/** Starts a throwaway Redis (no persistence) on a free 127.0.0.1 port. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = freePort();
  let process: Deno.ChildProcess | undefined;
  const start = async () => {
    process = new Deno.Command("redis-server", {
      args: [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--daemonize",
        "no",
      ],
      stdout: "null",
      stderr: "null",
    }).spawn();
    await waitForPort(port, true);
  };
  const stop = async () => {
    if (!process) return;
    const running = process;
    process = undefined;
    try {
      running.kill("SIGCONT");
      running.kill("SIGTERM");
    } catch {
      // already gone
    }
    await running.status;
    await waitForPort(port, false);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    freeze: () => process?.kill("SIGSTOP"),
    thaw: () => process?.kill("SIGCONT"),
  };
}

/**
 * A connected client for `url` with the app's client settings (commands
 * fail at once while disconnected; it reconnects by itself).
 */
export async function connectRedis(url: string): Promise<RedisClient> {
  const client = createRedisClient(url);
  client.on("error", () => {});
  await client.connect();
  return client;
}

/** What the cache asks for a client: this one while it is ready, else null. */
export function whileReady(
  client: RedisClient,
): () => Promise<RedisClient | null> {
  return () => Promise.resolve(client.isReady ? client : null);
}
