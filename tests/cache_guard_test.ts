// The guard's outage policy, on an in-process cache that a test can make
// slow or unreachable (the Redis-backed behaviour is in cache_outage_test).
import assert from "node:assert/strict";
import type { Cache } from "../lib/cache/mod.ts";
import { createMemoryCache } from "../lib/cache/memory.ts";
import { guardCache } from "../lib/cache/guard.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function controllable() {
  const memory = createMemoryCache();
  const state = { delayMs: 0, pingDelayMs: 0, refused: false, calls: 0 };
  const gate = async () => {
    state.calls++;
    if (state.refused) throw new Error("connect ECONNREFUSED");
    if (state.delayMs) await sleep(state.delayMs);
  };
  const cache: Cache = {
    shared: true,
    async readVersioned(generationKey, dataKey) {
      await gate();
      return await memory.readVersioned(generationKey, dataKey);
    },
    async setVersioned(dataKey, generation, value, ttlSeconds) {
      await gate();
      await memory.setVersioned(dataKey, generation, value, ttlSeconds);
    },
    async bump(generationKey) {
      await gate();
      await memory.bump(generationKey);
    },
    async ping() {
      state.calls++;
      if (state.refused) throw new Error("connect ECONNREFUSED");
      if (state.pingDelayMs) await sleep(state.pingDelayMs);
    },
  };
  const logs: string[] = [];
  const guarded = guardCache(cache, {
    timeoutMs: 40,
    healthTimeoutMs: 200,
    probeIntervalMs: 50,
    log: (message) => logs.push(message),
  });
  return { guarded, state, logs, memory };
}

async function eventually(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition never held");
    await sleep(10);
  }
}

Deno.test("a slow answer falls back to the database but is no outage while Redis still answers pings", async () => {
  const { guarded, state, logs } = controllable();
  state.delayMs = 150;
  assert.equal(await guarded.readVersioned("gen", "data"), undefined);
  await sleep(50); // the health check's ping answers at once
  assert.equal(guarded.available, true);
  assert.deepEqual(logs, []);
  state.delayMs = 0;
  assert.ok(await guarded.readVersioned("gen", "data"));
  await sleep(200); // let the slow operation finish
});

Deno.test("slow answers and a hanging health check make one outage, logged once, and recovery once", async () => {
  const { guarded, state, logs } = controllable();
  state.delayMs = 150;
  state.pingDelayMs = 1000;
  assert.equal(await guarded.readVersioned("gen", "data"), undefined);
  await eventually(() => !guarded.available);
  const calls = state.calls;
  for (let i = 0; i < 20; i++) {
    assert.equal(await guarded.readVersioned("gen", "data"), undefined);
  }
  assert.ok(state.calls - calls <= 1, "while down, reads do not wait on it");
  state.delayMs = 0;
  state.pingDelayMs = 0;
  await eventually(() => {
    guarded.readVersioned("gen", "data");
    return guarded.available;
  });
  assert.equal(logs.length, 2);
  assert.match(logs[0], /unavailable/);
  assert.match(logs[1], /available again/);
  await sleep(1100); // let the hanging pings finish
});

Deno.test("a refused connection is an outage at once", async () => {
  const { guarded, state, logs } = controllable();
  state.refused = true;
  assert.equal(await guarded.readVersioned("gen", "data"), undefined);
  assert.equal(guarded.available, false);
  assert.match(logs[0], /ECONNREFUSED/);
});

Deno.test("an invalidation that times out is an outage at once, even while pings answer", async () => {
  const { guarded, state } = controllable();
  state.delayMs = 150;
  await guarded.bump("gen");
  assert.equal(guarded.available, false);
  await sleep(200); // let the slow bump finish
});

Deno.test("invalidations missed during an outage are replayed before the cache reopens", async () => {
  const { guarded, state, memory } = controllable();
  const before = (await memory.readVersioned("gen", "data")).generation;
  state.refused = true;
  await guarded.bump("gen");
  assert.equal(guarded.available, false);
  assert.equal((await memory.readVersioned("gen", "data")).generation, before);
  state.refused = false;
  await eventually(() => {
    guarded.readVersioned("gen", "data");
    return guarded.available;
  });
  const after = (await memory.readVersioned("gen", "data")).generation;
  assert.equal(BigInt(after), BigInt(before) + 1n, "the bump was replayed");
});
