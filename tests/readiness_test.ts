// /healthz is liveness and /readyz readiness: with PostgreSQL gone (a hung
// network, the harder case: nothing refuses, nothing answers) an instance
// stays alive but not ready, and ready again once PostgreSQL is back; with
// Redis gone it stays ready (reads fall back) and says Redis is down.
import assert from "node:assert/strict";
import { app } from "../main.ts";
import { env } from "../lib/env.ts";
import { startDraining, stopDraining } from "../lib/http/readiness.ts";
import { dbTest } from "./support/db.ts";
import { startApp } from "./support/processes.ts";
import { startTcpProxy } from "./support/tcp_proxy.ts";
import { hasRedisServer, startOwnRedis } from "./support/redis_server.ts";
import { skipUnless } from "./support/services.ts";

interface Answer {
  status: string;
  /** /readyz: an object; /healthz: a boolean. */
  database: { up: boolean } | boolean;
  redis?: string;
  draining?: boolean;
}

async function probe(url: string): Promise<{ status: number; body: Answer }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

function databaseUp(answer: { body: Answer }): boolean | undefined {
  const database = answer.body.database;
  return typeof database === "boolean" ? undefined : database.up;
}

/** Polls until `check` passes (bounded), for state that changes by itself. */
async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!check(last)) {
    if (Date.now() > deadline) {
      throw new Error(`${what}: still ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  return last;
}

dbTest(
  "PostgreSQL down: /readyz answers 503 within its timeout, /healthz stays 200; back when it is",
  async () => {
    const database = new URL(env.DATABASE_URL);
    const proxy = startTcpProxy(Number(database.port || 5432));
    const viaProxy = new URL(env.DATABASE_URL);
    viaProxy.host = new URL(proxy.url("postgres")).host;
    const instance = await startApp({ DATABASE_URL: viaProxy.href });
    try {
      const ready = await probe(`${instance.url}/readyz`);
      assert.equal(
        ready.status,
        200,
        "control: ready while PostgreSQL answers",
      );
      assert.equal(ready.body.status, "ready");
      assert.equal(databaseUp(ready), true);

      proxy.blackhole();
      const started = Date.now();
      const down = await probe(`${instance.url}/readyz`);
      assert.equal(down.status, 503);
      assert.equal(down.body.status, "unavailable");
      assert.equal(databaseUp(down), false);
      assert.ok(
        Date.now() - started < 10_000,
        "a hung database does not hang the probe",
      );
      const alive = await probe(`${instance.url}/healthz`);
      assert.equal(alive.status, 200, "still alive: do not restart it");
      assert.equal(alive.body.database, false);

      proxy.heal();
      await eventually(
        () => probe(`${instance.url}/readyz`),
        (answer) => answer.status === 200,
        "/readyz after PostgreSQL came back",
      );
    } finally {
      await instance.stop();
      await proxy.close();
    }
  },
);

const noRedisServer = skipUnless("redis-server", hasRedisServer());

dbTest(
  "Redis down: /readyz stays 200 and reports Redis down, then up again",
  async () => {
    const redis = await startOwnRedis();
    const instance = await startApp({ REDIS_URL: redis.url });
    try {
      const up = await eventually(
        () => probe(`${instance.url}/readyz`),
        (answer) => answer.body.redis === "up",
        "Redis up",
      );
      assert.equal(up.status, 200, "control: Redis up");
      await redis.stop();
      const down = await eventually(
        () => probe(`${instance.url}/readyz`),
        (answer) => answer.body.redis === "down",
        "Redis reported down",
      );
      assert.equal(down.status, 200, "ready without Redis: reads fall back");
      assert.equal(databaseUp(down), true);
      await redis.start();
      await eventually(
        () => probe(`${instance.url}/readyz`),
        (answer) => answer.body.redis === "up",
        "Redis reported up again",
      );
    } finally {
      await instance.stop();
      await redis.stop();
    }
  },
  { ignore: noRedisServer },
);

dbTest(
  "a draining instance answers /readyz 503 while it finishes",
  async () => {
    const ready = await app.request("/readyz");
    assert.equal(ready.status, 200, "control");
    await ready.body?.cancel();
    startDraining();
    try {
      const draining = await app.request("/readyz");
      assert.equal(draining.status, 503);
      assert.equal((await draining.json()).draining, true);
      assert.equal((await app.request("/healthz")).status, 200);
    } finally {
      stopDraining();
    }
  },
);
