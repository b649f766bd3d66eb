// Nothing waits unbounded (issue 15): every request has a deadline
// (REQUEST_TIMEOUT_MS → 503 DEADLINE_EXCEEDED with Retry-After), a
// transaction still running at its request's deadline rolls back, SQL
// statements are cut off server-side at the same limit, and a body that
// stalls gets 408 after BODY_TIMEOUT_MS. Each has a control: without the
// deadline the same request is still waiting.
import assert from "node:assert/strict";
import { Hono } from "hono";
import type { AppEnv } from "../lib/http/context.ts";
import {
  currentDeadline,
  DeadlineExceededError,
  requestDeadline,
} from "../lib/http/deadline.ts";
import { handleError } from "../lib/http/error_handler.tsx";
import { readBody } from "../lib/http/body_limit.ts";
import { sql } from "../lib/db/pool.ts";
import { env } from "../lib/env.ts";
import { dbTest } from "./support/db.ts";
import { createScratchDatabase } from "./support/scratch_database.ts";
import { startTcpProxy } from "./support/tcp_proxy.ts";
import { startFaultApp } from "./support/fault_app.ts";
import { book, call } from "./support/busbook_client.ts";

const never = () => new Promise<Response>(() => {});

/** Settles with "pending" when `work` has not settled within `ms`. */
async function within<T>(work: Promise<T>, ms: number): Promise<T | "pending"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Promise<"pending">((resolve) => {
    timer = setTimeout(() => resolve("pending"), ms);
  });
  try {
    return await Promise.race([work, pending]);
  } finally {
    clearTimeout(timer);
  }
}

function probeApp(withDeadline: boolean) {
  const app = new Hono<AppEnv>();
  if (withDeadline) app.use(requestDeadline(100));
  app.post("/api/stuck", () => never());
  app.get("/stuck", () => never());
  app.onError(handleError);
  return app;
}

Deno.test("a request past its deadline gets 503 DEADLINE_EXCEEDED with Retry-After", async () => {
  const api = await probeApp(true).request("/api/stuck", { method: "POST" });
  assert.equal(api.status, 503);
  assert.equal(api.headers.get("retry-after"), "1");
  assert.equal((await api.json()).error.code, "DEADLINE_EXCEEDED");
  const page = await probeApp(true).request("/stuck");
  assert.equal(page.status, 503);
  await page.body?.cancel();
});

Deno.test("one sweep serves every request: quick answers pass, each stuck one expires on time, before and after them", async () => {
  const app = probeApp(true);
  app.get("/quick", (c) => c.text("ok"));
  const started = performance.now();
  const firstStuck = app.request("/stuck");
  const quick = await Promise.all(
    Array.from({ length: 20 }, () => app.request("/quick")),
  );
  for (const res of quick) assert.equal(await res.text(), "ok");
  const secondStuck = app.request("/stuck");
  const [first, second] = await Promise.all([firstStuck, secondStuck]);
  assert.equal(first.status, 503);
  assert.equal(second.status, 503);
  await first.body?.cancel();
  await second.body?.cancel();
  // 100 ms deadline, swept every 10 ms: both well within a second.
  assert.ok(performance.now() - started < 1000);
  // Idle again: a later stuck request still gets its 503 (the sweep
  // restarts after it stopped with nothing in flight).
  await new Promise((resolve) => setTimeout(resolve, 50));
  const later = await app.request("/stuck");
  assert.equal(later.status, 503);
  await later.body?.cancel();
});

Deno.test("control: without the deadline the same request is still waiting", async () => {
  const res = probeApp(false).request("/api/stuck", { method: "POST" });
  assert.equal(await within(Promise.resolve(res), 1000), "pending");
});

dbTest(
  "a transaction still running at its request's deadline rolls back",
  async () => {
    const table = `deadline_probe_${crypto.randomUUID().slice(0, 8)}`;
    await sql.unsafe(`create table ${table} (id int)`);
    const insertSlowly = (id: number) =>
      sql.begin(async (tx) => {
        await tx.unsafe(`insert into ${table} values (${id})`);
        await tx`select pg_sleep(0.5)`;
      });
    try {
      const app = new Hono<AppEnv>();
      app.use(requestDeadline(100));
      let finished: Promise<unknown> = Promise.resolve();
      app.post("/api/slow", async (c) => {
        finished = insertSlowly(1).catch((error) => error);
        await finished;
        return c.json({});
      });
      app.onError(handleError);
      const res = await app.request("/api/slow", { method: "POST" });
      assert.equal(res.status, 503);
      await res.body?.cancel();
      assert.ok(await finished instanceof DeadlineExceededError);
      // Control: the same transaction with no request around it commits.
      await insertSlowly(2);
      const rows = await sql.unsafe(`select id from ${table} order by id`);
      assert.deepEqual(rows.map((row) => row.id), [2]);
    } finally {
      await sql.unsafe(`drop table ${table}`);
    }
  },
);

dbTest(
  "SQL statements are cut off at REQUEST_TIMEOUT_MS by the server too",
  async () => {
    assert.equal(currentDeadline(), undefined, "outside a request");
    const [{ statement, idle }] = await sql<
      { statement: string; idle: string }[]
    >`
    select current_setting('statement_timeout') as statement,
      current_setting('idle_in_transaction_session_timeout') as idle
  `;
    const expected = `${env.REQUEST_TIMEOUT_MS / 1000}s`;
    assert.equal(statement, expected);
    assert.equal(idle, expected);
  },
);

Deno.test("a body that stalls is refused after the body timeout; control: reading it plainly waits", async () => {
  const stalled = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"tripId":'));
      },
    });
  await assert.rejects(
    readBody(stalled(), 65536, 100),
    (error: Error) => error.name === "RequestTimeoutError",
  );
  const plain = new Request("http://x/", {
    method: "POST",
    body: stalled(),
    // @ts-ignore: Deno needs duplex for a streamed request body
    duplex: "half",
  });
  assert.equal(await within(plain.text(), 500), "pending");
});

dbTest(
  "over the network: a database behind a dead network answers 503 within the deadline, and a stalled upload 408",
  async () => {
    const scratch = await createScratchDatabase({ migrated: true });
    const database = new URL(scratch.url);
    const proxy = startTcpProxy(Number(database.port || 5432));
    const throughProxy = new URL(scratch.url);
    throughProxy.port = String(proxy.port);
    const app = await startFaultApp(throughProxy.href, {
      passengers: 2,
      env: {
        REQUEST_TIMEOUT_MS: "3000",
        BODY_TIMEOUT_MS: "500",
        CACHE_DISABLED: "true",
      },
    });
    try {
      const [passenger] = app.passengers;
      proxy.blackhole();
      // Each would wait for ever on the hung connections (the control: the
      // same calls without a deadline never answered in the probe).
      const answers = await Promise.all([
        book(app.url, passenger.token, app.trip.id, [app.trip.seatIds[0]], {
          idempotencyKey: crypto.randomUUID(),
          timeoutMs: 20_000,
        }),
        call(app.url, "GET", `/api/trips/${app.trip.id}`, undefined, {
          timeoutMs: 20_000,
        }),
      ]);
      for (const answer of answers) {
        assert.equal(answer.status, 503, answer.failure);
        assert.equal(answer.body.error.code, "DEADLINE_EXCEEDED");
        assert.ok(answer.retryAfter);
      }
      proxy.heal();
      // The dead connections are dropped; the pool reconnects by itself.
      let after = await book(app.url, passenger.token, app.trip.id, [
        app.trip.seatIds[1],
      ]);
      for (let i = 0; i < 20 && after.status === 503; i++) {
        after = await book(app.url, passenger.token, app.trip.id, [
          app.trip.seatIds[1],
        ]);
      }
      assert.equal(after.status, 201, JSON.stringify(after.body));

      // A POST that declares 100 bytes, sends 10 and goes silent.
      const conn = await Deno.connect({
        hostname: "127.0.0.1",
        port: app.process.port,
      });
      try {
        await conn.write(new TextEncoder().encode(
          `POST /api/bookings HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
            `Authorization: Bearer ${passenger.token}\r\n` +
            `Content-Type: application/json\r\nContent-Length: 100\r\n\r\n` +
            `{"tripId":`,
        ));
        const buffer = new Uint8Array(4096);
        const read = await within(conn.read(buffer), 20_000);
        assert.notEqual(read, "pending", "the stalled upload got an answer");
        const head = new TextDecoder().decode(
          buffer.subarray(0, read as number),
        );
        assert.match(head, /^HTTP\/1\.1 408/);
      } finally {
        conn.close();
      }
      assert.equal(app.process.exited, false);
    } finally {
      await app.process.stop();
      await proxy.close();
      await scratch.dispose();
    }
  },
);
