// Redis configured but down: the app must keep signing people in, keep
// limiting in-process, and say so once in the log rather than per request.
import assert from "node:assert/strict";
import { dbTest } from "./support/db.ts";
import { runFixture } from "./support/processes.ts";

dbTest(
  "with Redis down, logins still answer (and are limited in-process), logged once",
  async () => {
    // Port 1: nothing listens there, the connection is refused at once.
    const { result, stderr } = await runFixture("dead_redis_logins.ts", {
      REDIS_URL: "redis://127.0.0.1:1",
    });
    assert.equal(result.firstIsNull, true);
    assert.equal(result.secondIsNull, true);
    assert.ok(
      (result.secondCallMs as number) < 500,
      "later calls do not wait for Redis",
    );
    assert.deepEqual(result.statuses, [401, 401, 401, 401, 401, 429]);
    assert.equal(result.registerStatus, 201);
    assert.equal(stderr.match(/Redis unavailable/g)?.length, 1, stderr);
    assert.ok(
      (stderr.match(/Rate limiting falls back/g)?.length ?? 0) <= 1,
      `the limiter says it once, not per request:\n${stderr}`,
    );
  },
);
