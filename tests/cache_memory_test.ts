import assert from "node:assert/strict";
import { createMemoryCache } from "../lib/cache/memory.ts";

Deno.test("the in-process cache forgets a value once its TTL has passed", async () => {
  let now = 1_000_000;
  const cache = createMemoryCache({ now: () => now });
  await cache.set("k", "v", 30);
  now += 29_999;
  assert.equal(cache.get("k"), "v");
  now += 1;
  assert.equal(cache.get("k"), undefined);
  assert.equal(cache.size, 0, "an expired entry is dropped when touched");
});

Deno.test("the in-process cache keeps at most maxEntries, evicting the least recently used", async () => {
  const cache = createMemoryCache({ maxEntries: 3 });
  await cache.set("a", "1", 60);
  await cache.set("b", "2", 60);
  await cache.set("c", "3", 60);
  assert.equal(cache.get("a"), "1", "touching a makes b the oldest");
  await cache.set("d", "4", 60);
  assert.equal(cache.size, 3);
  assert.equal(cache.get("b"), undefined);
  assert.deepEqual(
    ["a", "c", "d"].map((key) => cache.get(key)),
    ["1", "3", "4"],
  );
});

Deno.test("the in-process cache bounds the total size of its values", async () => {
  const cache = createMemoryCache({ maxChars: 10 });
  await cache.set("a", "xxxx", 60);
  await cache.set("b", "yyyy", 60);
  await cache.set("c", "zzzz", 60);
  assert.equal(cache.get("a"), undefined, "a went to make room for c");
  assert.equal(cache.get("b"), "yyyy");
  assert.equal(cache.get("c"), "zzzz");
  await cache.set("b", "y", 60);
  await cache.set("d", "wwww", 60);
  assert.equal(cache.get("c"), "zzzz", "replacing b released its size");
});

Deno.test("a bump makes the value stored for the old generation unreachable", async () => {
  const cache = createMemoryCache();
  const first = await cache.readVersioned("gen", "data");
  assert.equal(first.value, undefined);
  await cache.setVersioned("data", first.generation, "old", 60);
  assert.equal((await cache.readVersioned("gen", "data")).value, "old");
  await cache.bump("gen");
  const second = await cache.readVersioned("gen", "data");
  assert.notEqual(second.generation, first.generation);
  assert.equal(second.value, undefined);
});

Deno.test("a value of an older generation never replaces a newer one", async () => {
  const cache = createMemoryCache();
  const { generation: old } = await cache.readVersioned("gen", "data");
  await cache.bump("gen");
  const { generation: current } = await cache.readVersioned("gen", "data");
  await cache.setVersioned("data", current, "fresh", 60);
  await cache.setVersioned("data", old, "stale", 60);
  assert.equal((await cache.readVersioned("gen", "data")).value, "fresh");
});

Deno.test("an evicted generation counter comes back at a value never used before", async () => {
  let now = 5_000_000;
  const cache = createMemoryCache({ maxEntries: 3, now: () => now });
  const { generation } = await cache.readVersioned("gen", "data");
  await cache.setVersioned("data", generation, "old", 60);
  cache.set("other", "x", 60);
  cache.get("data");
  now += 1;
  // The counter is now the least recently used entry: it goes first.
  cache.set("another", "y", 60);
  const again = await cache.readVersioned("gen", "data");
  assert.ok(BigInt(again.generation) > BigInt(generation));
  assert.equal(again.value, undefined);
  assert.equal(
    cache.get("data"),
    `${generation}:old`,
    "the old value is still held, but no read accepts it",
  );
});
