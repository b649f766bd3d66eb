// Logs are one JSON object per line, at or above LOG_LEVEL, with the
// request id, route, status, duration and user id — and never a password,
// a token or a whole email.
import assert from "node:assert/strict";
import { Hono } from "hono";
import type { AppEnv } from "../lib/http/context.ts";
import { formatLine, installJsonConsole, Logger, redact } from "../lib/log.ts";
import { observeRequests } from "../lib/http/observe.ts";
import { requestId } from "../lib/http/request_id.ts";
import { runFixture } from "./support/processes.ts";

function capture(level: "debug" | "info" | "warn" | "error" = "info") {
  const lines: string[] = [];
  return { lines, logger: new Logger(level, (line) => lines.push(line)) };
}

Deno.test("a log line is one JSON object with time, level, message and fields", () => {
  const line = formatLine("info", "hello", { requestId: "r1", n: 2 });
  assert.doesNotMatch(line, /\n/);
  const parsed = JSON.parse(line);
  assert.equal(parsed.level, "info");
  assert.equal(parsed.msg, "hello");
  assert.equal(parsed.requestId, "r1");
  assert.ok(!Number.isNaN(Date.parse(parsed.time)));
});

Deno.test("emails are masked and tokens removed from every line", () => {
  const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
  const text = redact(
    `login alice.smith@example.com with ${token}; Authorization: Bearer abc.def`,
  );
  assert.doesNotMatch(text, /alice\.smith@/);
  assert.match(text, /a…@example\.com/);
  assert.doesNotMatch(text, /eyJ/);
  assert.doesNotMatch(text, /abc\.def/);
});

Deno.test("lines below LOG_LEVEL are not written", () => {
  const { lines, logger } = capture("warn");
  logger.info("quiet");
  logger.debug("quieter");
  logger.warn("loud");
  logger.error("louder");
  assert.deepEqual(lines.map((l) => JSON.parse(l).msg), ["loud", "louder"]);
});

Deno.test("the access line has request id, route, status, duration and user id, and no secrets", async () => {
  const { lines, logger } = capture();
  const app = new Hono<AppEnv>();
  app.use("*", requestId, observeRequests({ logRequests: true, logger }));
  app.use("*", async (c, next) => {
    c.set("user", { id: 42, role: "user" });
    await next();
  });
  app.post("/api/things/:id", (c) => c.json({ ok: true }, 201));
  const res = await app.request("/api/things/7?email=bob@example.com", {
    method: "POST",
    headers: {
      "x-request-id": "req-123",
      authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.sig",
      "content-type": "application/json",
    },
    body: JSON.stringify({ password: "hunter2 secret" }),
  });
  assert.equal(res.status, 201);
  assert.equal(lines.length, 1);
  const entry = JSON.parse(lines[0]);
  assert.equal(entry.msg, "request");
  assert.equal(entry.requestId, "req-123");
  assert.equal(entry.route, "/api/things/:id");
  assert.equal(entry.path, "/api/things/7", "no query string");
  assert.equal(entry.status, 201);
  assert.equal(entry.userId, 42);
  assert.equal(typeof entry.durationMs, "number");
  assert.doesNotMatch(lines[0], /hunter2|eyJ|bob@/);
});

Deno.test("without LOG_REQUESTS only 5xx answers are logged, as errors", async () => {
  const { lines, logger } = capture();
  const app = new Hono<AppEnv>();
  app.use("*", requestId, observeRequests({ logRequests: false, logger }));
  app.get("/fine", (c) => c.text("ok"));
  app.get("/broken", (c) => c.text("no", 503));
  await app.request("/fine");
  await app.request("/broken");
  assert.equal(lines.length, 1);
  const entry = JSON.parse(lines[0]);
  assert.equal(entry.level, "error");
  assert.equal(entry.status, 503);
});

Deno.test("a serving process's console writes JSON lines at LOG_LEVEL", async () => {
  const { result } = await runFixture("json_console.ts", {
    DATABASE_URL: Deno.env.get("DATABASE_URL") ?? "postgres://unused/db",
    JWT_SECRET: "x".repeat(40),
  });
  const lines = (result.lines as string[]).map((line) => JSON.parse(line));
  assert.deepEqual(lines.map((l) => l.level), ["warn", "error"]);
  assert.match(lines[0].msg, /cache: unavailable for a…@example\.com/);
  assert.match(lines[1].msg, /request failed: Error: boom\n\s+at /);
});

Deno.test("LOG_FORMAT=text writes lines for people, still redacted, and leaves the console alone", () => {
  const line = formatLine(
    "warn",
    "slow",
    { route: "/api/trips/:id", userId: 7, email: "carol@example.com" },
    new Date("2030-01-01T00:00:00Z"),
    "text",
  );
  assert.equal(
    line,
    "2030-01-01T00:00:00.000Z WARN slow route=/api/trips/:id userId=7 email=c…@example.com",
  );
  const original = console.warn;
  installJsonConsole(new Logger("info", () => {}), "text");
  assert.equal(console.warn, original, "the console is not patched");
});
