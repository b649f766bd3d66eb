// The Redis adapter's local copies: a hit on a copy still checks the
// generation in Redis, so another instance's invalidation is seen at once,
// and a copy never outlives the value's TTL in Redis.
import assert from "node:assert/strict";
import { createRedisCache } from "../lib/cache/redis.ts";
import type { RedisClient } from "../lib/redis.ts";
import { uniqueSuffix } from "./support/factories.ts";
import { skipUnless } from "./support/services.ts";
import { connectRedis, whileReady } from "./support/redis_server.ts";

const REDIS_URL = Deno.env.get("REDIS_URL");
const ignore = skipUnless("Redis (REDIS_URL)", Boolean(REDIS_URL));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function keys() {
  const prefix = `${
    Deno.env.get("REDIS_KEY_PREFIX") ?? "test:"
  }${uniqueSuffix()}:`;
  return { generation: `${prefix}gen`, data: `${prefix}data` };
}

async function withRedis(
  run: (
    client: RedisClient,
    keys: { generation: string; data: string },
  ) => Promise<void>,
) {
  const client = await connectRedis(REDIS_URL!);
  const { generation, data } = keys();
  try {
    await run(client, { generation, data });
  } finally {
    await client.del([generation, data]).catch(() => {});
    await client.close();
  }
}

Deno.test({
  name: "Redis copies: an invalidation by another instance is seen at once",
  ignore,
  fn: () =>
    withRedis(async (client, { generation, data }) => {
      const a = createRedisCache(whileReady(client));
      const b = createRedisCache(whileReady(client));

      const first = await a.readVersioned(generation, data);
      assert.equal(first?.value, undefined);
      await a.setVersioned(data, first!.generation, "v1", 30); // a keeps a copy
      assert.equal((await b.readVersioned(generation, data))?.value, "v1");
      assert.equal((await a.readVersioned(generation, data))?.value, "v1");

      await b.bump(generation); // another instance's commit
      const afterBump = await a.readVersioned(generation, data);
      assert.equal(afterBump?.value, undefined, "a must not serve its copy");
      assert.notEqual(afterBump?.generation, first!.generation);

      await a.setVersioned(data, afterBump!.generation, "v2", 30);
      assert.equal(
        (await b.readVersioned(generation, data))?.value,
        "v2",
        "b must not serve its copy of v1",
      );

      // A stale write (older generation) is refused and not copied either.
      const c = createRedisCache(whileReady(client));
      await c.setVersioned(data, first!.generation, "stale", 30);
      assert.equal((await c.readVersioned(generation, data))?.value, "v2");
    }),
  sanitizeOps: false,
  sanitizeResources: false,
});

Deno.test({
  name: "Redis copies: a copy ends with the value's TTL in Redis",
  ignore,
  fn: () =>
    withRedis(async (client, { generation, data }) => {
      const writer = createRedisCache(whileReady(client));
      const reader = createRedisCache(whileReady(client));
      const { generation: current } =
        (await writer.readVersioned(generation, data))!;
      await writer.setVersioned(data, current, "short-lived", 1);
      // The reader copies it with the remaining TTL from Redis.
      assert.equal(
        (await reader.readVersioned(generation, data))?.value,
        "short-lived",
      );
      await sleep(1100);
      assert.equal(
        (await writer.readVersioned(generation, data))?.value,
        undefined,
      );
      assert.equal(
        (await reader.readVersioned(generation, data))?.value,
        undefined,
      );
    }),
  sanitizeOps: false,
  sanitizeResources: false,
});
