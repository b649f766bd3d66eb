import assert from "node:assert/strict";
import postgres from "postgres";
import { Hono } from "hono";
import { app } from "../main.ts";
import type { AppEnv } from "../lib/http/context.ts";
import { ConflictError, fromDatabaseError } from "../lib/http/errors.ts";
import { handleError, handleNotFound } from "../lib/http/error_handler.tsx";
import { sql } from "../lib/db/pool.ts";
import { dbTest } from "./support/db.ts";

dbTest("GET /healthz answers 200 when the database answers", async () => {
  const res = await app.request("/healthz");
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: "ok", database: true });
});

dbTest("GET / lists upcoming trips as HTML", async () => {
  const res = await app.request("/");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  assert.match(await res.text(), /^<!DOCTYPE html>/);
});

Deno.test("an unknown /api URL is a JSON 404", async () => {
  const res = await app.request("/api/nothing-here");
  assert.equal(res.status, 404);
  const body = await res.json();
  assert.equal(body.error.code, "NOT_FOUND");
});

Deno.test("an unknown page is an HTML 404", async () => {
  const res = await app.request("/nothing-here");
  assert.equal(res.status, 404);
  assert.match(await res.text(), /Page not found/);
});

function appThrowing(error: unknown) {
  const probe = new Hono<AppEnv>();
  probe.get("/api/boom", () => {
    throw error;
  });
  probe.get("/boom", () => {
    throw error;
  });
  probe.onError(handleError);
  probe.notFound(handleNotFound);
  return probe;
}

async function realPostgresError(statement: string): Promise<unknown> {
  try {
    await sql.unsafe(statement);
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${statement} to fail`);
}

dbTest("a malformed value reaching PostgreSQL (22P02) is a 400", async () => {
  const error = await realPostgresError("select 'abc'::int");
  const res = await appThrowing(error).request("/api/boom");
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error.code, "BAD_REQUEST");
});

dbTest("a NUL byte reaching PostgreSQL text (22021) is a 400", async () => {
  const error = await realPostgresError(
    "select convert_from('\\x00'::bytea, 'UTF8')",
  );
  assert.equal((error as { code: string }).code, "22021");
  const res = await appThrowing(error).request("/api/boom");
  assert.equal(res.status, 400);
});

dbTest("a unique violation (23505) is a 409", async () => {
  const error = await realPostgresError(
    "insert into users (name, email, password_hash) values ('a', 'dup@x.test', 'h'), ('b', 'DUP@x.test', 'h')",
  );
  const res = await appThrowing(error).request("/api/boom");
  assert.equal(res.status, 409);
});

dbTest("a lock timeout (55P03) is a 503 with Retry-After", async () => {
  const other = postgres(Deno.env.get("DATABASE_URL")!, {
    max: 1,
    onnotice: () => {},
  });
  try {
    const error = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(1)`;
      return await other.begin(async (otherTx) => {
        await otherTx`set local lock_timeout = '10ms'`;
        await otherTx`select pg_advisory_xact_lock(1)`;
      }).catch((error) => error);
    });
    assert.equal((error as { code: string }).code, "55P03");
    const res = await appThrowing(error).request("/api/boom");
    assert.equal(res.status, 503);
    assert.ok(res.headers.get("retry-after"));
  } finally {
    await other.end();
  }
});

Deno.test("deadlock and serialization failures map to 409", () => {
  const deadlock = Object.assign(new postgres.PostgresError({} as never), {
    code: "40P01",
  });
  const serialization = Object.assign(new postgres.PostgresError({} as never), {
    code: "40001",
  });
  assert.equal(fromDatabaseError(deadlock)?.status, 409);
  assert.equal(fromDatabaseError(serialization)?.status, 409);
});

Deno.test("a lost database connection maps to 503", () => {
  assert.equal(fromDatabaseError({ code: "ECONNREFUSED" })?.status, 503);
});

Deno.test("a known HttpError keeps its status and code in JSON", async () => {
  const res = await appThrowing(
    new ConflictError("Seat taken", "SEATS_UNAVAILABLE", { seatIds: [3] }),
  )
    .request("/api/boom");
  assert.equal(res.status, 409);
  assert.deepEqual(await res.json(), {
    error: { code: "SEATS_UNAVAILABLE", message: "Seat taken", seatIds: [3] },
  });
});

Deno.test("an unknown error is a generic 500 that leaks nothing", async () => {
  const originalError = console.error;
  console.error = () => {};
  try {
    const res = await appThrowing(new Error("secret detail from SQL")).request(
      "/api/boom",
    );
    assert.equal(res.status, 500);
    const text = await res.text();
    assert.doesNotMatch(text, /secret detail/);
    assert.equal(JSON.parse(text).error.code, "INTERNAL");
    const page = await appThrowing(new Error("secret detail")).request("/boom");
    assert.equal(page.status, 500);
    assert.doesNotMatch(await page.text(), /secret detail/);
  } finally {
    console.error = originalError;
  }
});
