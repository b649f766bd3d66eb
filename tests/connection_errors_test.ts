// The one SQLSTATE map (lib/http/errors.ts) for a lost database: every way
// a connection drops or cannot be had is a 503 with Retry-After, never a
// 500. The errors are the ones seen in the logs of the probe that found the
// 500s (issue 15): 57P01, "write EPIPE", "socket has been ended by the
// other party", ECONNRESET, the driver's CONNECTION_CLOSED.
import assert from "node:assert/strict";
import postgres from "postgres";
import { Hono } from "hono";
import type { AppEnv } from "../lib/http/context.ts";
import { fromDatabaseError, isConnectionLost } from "../lib/http/errors.ts";
import { handleError } from "../lib/http/error_handler.tsx";

function pgError(code: string, message = "from the server") {
  return Object.assign(new postgres.PostgresError({} as never), {
    code,
    message,
  });
}

function socketError(code: string, message: string) {
  return Object.assign(new Error(message), { code });
}

const LOST: [string, unknown][] = [
  ["57P01 admin shutdown (pg_terminate_backend)", pgError("57P01")],
  ["57P02 crash shutdown", pgError("57P02")],
  ["57P03 cannot connect now (starting up)", pgError("57P03")],
  ["57P05 idle session timeout", pgError("57P05")],
  ["25P03 idle-in-transaction timeout", pgError("25P03")],
  ["08006 connection failure", pgError("08006")],
  ["08P01 protocol violation", pgError("08P01")],
  ["write EPIPE", socketError("EPIPE", "write EPIPE")],
  [
    "socket ended by the other party",
    socketError("EPIPE", "This socket has been ended by the other party"),
  ],
  [
    "socket ended, without a code",
    new Error("This socket has been ended by the other party"),
  ],
  ["read ECONNRESET", socketError("ECONNRESET", "read ECONNRESET")],
  ["connect ECONNREFUSED", socketError("ECONNREFUSED", "connect ECONNREFUSED")],
  ["ETIMEDOUT", socketError("ETIMEDOUT", "connect ETIMEDOUT")],
  ["driver CONNECTION_CLOSED", socketError("CONNECTION_CLOSED", "write x")],
  ["driver CONNECTION_DESTROYED", socketError("CONNECTION_DESTROYED", "x")],
  [
    "driver CONNECTION_ENDED (shutting down)",
    socketError("CONNECTION_ENDED", "x"),
  ],
  ["driver CONNECT_TIMEOUT", socketError("CONNECT_TIMEOUT", "x")],
  ["Deno ConnectionReset", new Deno.errors.ConnectionReset("reset")],
  ["Deno BrokenPipe", new Deno.errors.BrokenPipe("pipe")],
];

function appThrowing(error: unknown) {
  const probe = new Hono<AppEnv>();
  probe.post("/api/bookings", () => {
    throw error;
  });
  probe.get("/trips/1", () => {
    throw error;
  });
  probe.onError(handleError);
  return probe;
}

for (const [name, error] of LOST) {
  Deno.test(`a lost connection (${name}) is a 503 DATABASE_UNAVAILABLE with Retry-After`, async () => {
    assert.ok(isConnectionLost(error));
    const api = await appThrowing(error).request("/api/bookings", {
      method: "POST",
    });
    assert.equal(api.status, 503);
    assert.ok(Number(api.headers.get("retry-after")) >= 1);
    assert.equal((await api.json()).error.code, "DATABASE_UNAVAILABLE");
    const page = await appThrowing(error).request("/trips/1");
    assert.equal(page.status, 503);
    assert.ok(page.headers.get("retry-after"));
    await page.body?.cancel();
  });
}

Deno.test("a write to a read-only server (a failover under way) is a 503", () => {
  const mapped = fromDatabaseError(pgError("25006"));
  assert.equal(mapped?.status, 503);
  assert.equal(mapped?.code, "DATABASE_READ_ONLY");
});

Deno.test("too many connections, out of memory or disk are 503 DATABASE_OVERLOADED", () => {
  for (const code of ["53300", "53200", "53100"]) {
    assert.equal(fromDatabaseError(pgError(code))?.code, "DATABASE_OVERLOADED");
  }
});

Deno.test("control: a bug is not a lost connection and stays a 500", async () => {
  for (
    const error of [
      pgError("42P01", 'relation "nope" does not exist'),
      pgError("42703"),
      new TypeError("Cannot read properties of undefined"),
      socketError("ENOENT", "no such file"),
    ]
  ) {
    assert.equal(isConnectionLost(error), false);
    assert.equal(fromDatabaseError(error), null);
  }
  const original = console.error;
  console.error = () => {};
  try {
    const res = await appThrowing(new TypeError("boom")).request(
      "/api/bookings",
      { method: "POST" },
    );
    assert.equal(res.status, 500);
    assert.equal(res.headers.get("retry-after"), null);
    await res.body?.cancel();
  } finally {
    console.error = original;
  }
});
