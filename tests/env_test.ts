import assert from "node:assert/strict";
import { EnvError, parseEnv } from "../lib/env.ts";

const valid = {
  DATABASE_URL: "postgres://postgres@127.0.0.1:5432/busbook",
  JWT_SECRET: "x".repeat(32),
};

Deno.test("parseEnv applies defaults to a minimal environment", () => {
  const env = parseEnv(valid);
  assert.equal(env.PORT, 8000);
  assert.equal(env.HOLD_MINUTES, 10);
  assert.equal(env.REDIS_URL, undefined);
});

Deno.test("parseEnv names a missing DATABASE_URL", () => {
  assert.throws(
    () => parseEnv({ JWT_SECRET: valid.JWT_SECRET }),
    (error: Error) => {
      assert.ok(error instanceof EnvError);
      assert.match(error.message, /DATABASE_URL/);
      return true;
    },
  );
});

Deno.test("parseEnv rejects a short JWT_SECRET by name", () => {
  assert.throws(
    () => parseEnv({ ...valid, JWT_SECRET: "short" }),
    /JWT_SECRET/,
  );
});

Deno.test("parseEnv rejects a non-numeric PORT by name", () => {
  assert.throws(() => parseEnv({ ...valid, PORT: "eighty" }), /PORT/);
});

Deno.test("parseEnv rejects a REDIS_URL that is not a redis URL", () => {
  assert.throws(
    () => parseEnv({ ...valid, REDIS_URL: "http://x" }),
    /REDIS_URL/,
  );
});

Deno.test("parseEnv treats an empty REDIS_URL as unset", () => {
  assert.equal(parseEnv({ ...valid, REDIS_URL: "" }).REDIS_URL, undefined);
});

Deno.test("parseEnv wants ADMIN_EMAIL and ADMIN_PASSWORD together", () => {
  assert.throws(
    () => parseEnv({ ...valid, ADMIN_EMAIL: "a@b.example" }),
    /ADMIN_PASSWORD/,
  );
  const env = parseEnv({
    ...valid,
    ADMIN_EMAIL: "a@b.example",
    ADMIN_PASSWORD: "long enough",
  });
  assert.equal(env.ADMIN_EMAIL, "a@b.example");
});

Deno.test("parseEnv rejects HOLD_MINUTES out of range", () => {
  assert.throws(
    () => parseEnv({ ...valid, HOLD_MINUTES: "0" }),
    /HOLD_MINUTES/,
  );
});

Deno.test("parseEnv defaults the cache and live-update settings", () => {
  const env = parseEnv(valid);
  assert.equal(env.CACHE_DISABLED, false);
  assert.equal(env.CACHE_TIMEOUT_MS, 100);
  assert.equal(env.SSE_MAX_CONNECTIONS, 1000);
});

Deno.test("parseEnv rejects a zero SSE_MAX_CONNECTIONS by name", () => {
  assert.throws(
    () => parseEnv({ ...valid, SSE_MAX_CONNECTIONS: "0" }),
    /SSE_MAX_CONNECTIONS/,
  );
});
