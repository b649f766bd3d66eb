// Bad input is a 4xx with a message, never a 500; every response carries
// the security headers.
import assert from "node:assert/strict";
import { app } from "../main.ts";
import { env } from "../lib/env.ts";
import { sql } from "../lib/db/pool.ts";
import { createTestUser } from "./support/factories.ts";
import { dbTest } from "./support/db.ts";
import { postJson, uniqueEmail } from "./support/http.ts";

function assertSecurityHeaders(res: Response, what: string) {
  const csp = res.headers.get("content-security-policy") ?? "";
  const isPage = /^text\/html/.test(res.headers.get("content-type") ?? "");
  // Pages: what they may load. Everything else (JSON, redirects): nothing.
  const directives = isPage
    ? [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ]
    : ["default-src 'none'", "frame-ancestors 'none'"];
  for (const directive of directives) {
    assert.ok(csp.includes(directive), `${what}: CSP lacks ${directive}`);
  }
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, what);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff", what);
  assert.equal(
    res.headers.get("referrer-policy"),
    isPage ? "strict-origin-when-cross-origin" : null,
    what,
  );
  assert.equal(res.headers.get("x-frame-options"), "DENY", what);
  assert.equal(
    res.headers.get("strict-transport-security"),
    "max-age=15552000; includeSubDomains",
    what,
  );
}

dbTest(
  "security headers are on HTML, JSON, redirect and error responses",
  async () => {
    const user = await createTestUser();
    const responses: [string, Response][] = [
      ["GET / (HTML)", await app.request("/")],
      ["GET /healthz (JSON)", await app.request("/healthz")],
      ["GET /api/auth/me 401", await app.request("/api/auth/me")],
      [
        "GET /api/auth/me 200",
        await app.request("/api/auth/me", {
          headers: { authorization: `Bearer ${user.token}` },
        }),
      ],
      ["GET /admin 303", await app.request("/admin")],
      ["GET /nowhere 404 page", await app.request("/nowhere")],
      ["GET /api/nowhere 404", await app.request("/api/nowhere")],
      ["POST login 400", await postJson("/api/auth/login", "{")],
      [
        "POST register 201",
        await postJson("/api/auth/register", {
          name: "Headers",
          email: uniqueEmail(),
          password: "long enough password",
        }),
      ],
      [
        "POST 413",
        await postJson("/api/auth/login", "x".repeat(env.MAX_BODY_BYTES + 1)),
      ],
    ];
    for (const [what, res] of responses) {
      await res.body?.cancel();
      assertSecurityHeaders(res, what);
    }
  },
);

dbTest("malformed JSON is a 400, never a 500", async () => {
  for (
    const body of [
      "{",
      "{'email': 'a@b.c'}",
      '{"email": "a@b.c",}',
      "undefined",
      "",
      "\u0000",
      "[".repeat(50_000),
    ]
  ) {
    for (const path of ["/api/auth/login", "/api/auth/register"]) {
      const res = await postJson(path, body);
      assert.equal(res.status, 400, `${path} ${body.slice(0, 20)}`);
      const json = await res.json();
      assert.equal(json.error.code, "BAD_REQUEST");
      assert.ok(json.error.message);
    }
  }
});

dbTest(
  "missing fields, wrong types and out-of-range values are 400 with the issues",
  async () => {
    const cases: [string, unknown, string][] = [
      ["/api/auth/register", {}, "name"],
      ["/api/auth/register", null, ""],
      ["/api/auth/register", [], ""],
      ["/api/auth/register", 42, ""],
      ["/api/auth/register", "a string", ""],
      ["/api/auth/register", {
        name: 1,
        email: uniqueEmail(),
        password: "long enough",
      }, "name"],
      ["/api/auth/register", {
        name: "A",
        email: ["x@y.z"],
        password: "long enough",
      }, "email"],
      ["/api/auth/register", {
        name: "A",
        email: uniqueEmail(),
        password: 12345678,
      }, "password"],
      ["/api/auth/register", {
        name: "A",
        email: uniqueEmail(),
        password: "short",
      }, "password"],
      ["/api/auth/register", {
        name: "A",
        email: uniqueEmail(),
        password: "x".repeat(129),
      }, "password"],
      ["/api/auth/register", {
        name: "   ",
        email: uniqueEmail(),
        password: "long enough",
      }, "name"],
      ["/api/auth/register", {
        name: "x".repeat(101),
        email: uniqueEmail(),
        password: "long enough",
      }, "name"],
      ["/api/auth/register", {
        name: "Null\u0000Byte",
        email: uniqueEmail(),
        password: "long enough",
      }, "name"],
      ["/api/auth/register", {
        name: "A",
        email: `${"x".repeat(250)}@example.test`,
        password: "long enough",
      }, "email"],
      ["/api/auth/register", {
        name: "A",
        email: "not-an-email",
        password: "long enough",
      }, "email"],
      ["/api/auth/login", { email: uniqueEmail() }, "password"],
      ["/api/auth/login", { password: "long enough" }, "email"],
      ["/api/auth/login", { email: true, password: "x" }, "email"],
      ["/api/auth/login", {
        email: "admin@busbook.test' or '1'='1",
        password: "x",
      }, "email"],
      ["/api/auth/login", { email: "a\u0000@b.test", password: "x" }, "email"],
    ];
    for (const [path, body, field] of cases) {
      const res = await postJson(path, JSON.stringify(body));
      assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}`);
      const json = await res.json();
      assert.equal(json.error.code, "VALIDATION_FAILED");
      assert.ok(
        json.error.issues.some((issue: { path: string }) =>
          issue.path === field
        ),
        `${JSON.stringify(body)} should name ${field || "the body"}: ${
          JSON.stringify(json.error.issues)
        }`,
      );
    }
  },
);

dbTest("a non-JSON content type on a JSON endpoint is a 400", async () => {
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/xml", origin: "http://localhost" },
    body: "<login/>",
  });
  assert.equal(res.status, 400);
});

dbTest("SQL-looking passwords are just wrong passwords (401)", async () => {
  const res = await postJson("/api/auth/login", {
    email: uniqueEmail(),
    password: "' or '1'='1' --",
  });
  assert.equal(res.status, 401);
});

dbTest(
  "a body over MAX_BODY_BYTES is a 413, declared or streamed",
  async () => {
    const big = JSON.stringify({
      email: uniqueEmail(),
      password: "x".repeat(env.MAX_BODY_BYTES),
    });
    const declared = await app.request("/api/auth/login", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": String(new TextEncoder().encode(big).length),
      },
      body: big,
    });
    assert.equal(declared.status, 413);
    assert.deepEqual((await declared.json()).error.code, "PAYLOAD_TOO_LARGE");

    const chunks = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < chunks.length; i += 4096) {
          controller.enqueue(chunks.slice(i, i + 4096));
        }
        controller.close();
      },
    });
    const streamed = await app.request("/api/auth/register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      // @ts-ignore: Deno's RequestInit needs duplex for a streamed body
      duplex: "half",
    });
    assert.equal(streamed.status, 413);
    assert.equal((await streamed.json()).error.code, "PAYLOAD_TOO_LARGE");

    const lying = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "10" },
      body: "x".repeat(env.MAX_BODY_BYTES * 2),
    });
    assert.ok([400, 413].includes(lying.status), `got ${lying.status}`);
  },
);

dbTest(
  "extra fields cannot make an admin (mass assignment, __proto__)",
  async () => {
    const email = uniqueEmail();
    const res = await postJson(
      "/api/auth/register",
      `{"name":"Mallory","email":"${email}","password":"long enough password","role":"admin","__proto__":{"role":"admin"},"constructor":{"prototype":{"role":"admin"}}}`,
    );
    assert.equal(res.status, 201);
    assert.equal((await res.json()).user.role, "user");
    const [row] = await sql<{ role: string }[]>`
    select role from users where email = ${email}
  `;
    assert.equal(row.role, "user");
    assert.equal(({} as { role?: string }).role, undefined, "no pollution");
  },
);
