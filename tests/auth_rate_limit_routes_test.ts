// The sign-in and sign-up limits on the real routes: 429 with Retry-After,
// per email and per client IP (IPv6 per /64), not evaded by a forged
// X-Forwarded-For. The limiter itself: rate_limit_test.ts.
import assert from "node:assert/strict";
import { env } from "../lib/env.ts";
import { AUTH_RULES } from "../lib/auth/limits.ts";
import { ipRateLimitKey } from "../lib/http/request_info.ts";
import { dbTest } from "./support/db.ts";
import { postJson, randomIp, uniqueEmail } from "./support/http.ts";

Deno.test("IPv6 clients are limited per /64, IPv4 per address", () => {
  assert.equal(ipRateLimitKey("203.0.113.9"), "203.0.113.9");
  assert.equal(ipRateLimitKey("::ffff:203.0.113.9"), "203.0.113.9");
  const a = ipRateLimitKey("2001:db8:1:2::1");
  assert.equal(a, "2001:db8:1:2::/64");
  assert.equal(ipRateLimitKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"), a);
  assert.notEqual(ipRateLimitKey("2001:db8:1:3::1"), a);
  assert.equal(ipRateLimitKey("::1"), "0:0:0:0::/64");
});

dbTest(
  "POST /api/auth/login: the per-email limit answers 429 with Retry-After, even for the right password",
  async () => {
    const email = uniqueEmail();
    const password = "the right password";
    const created = await postJson("/api/auth/register", {
      name: "Target",
      email,
      password,
    });
    assert.equal(created.status, 201);
    // Each attempt from a different address: only the email limit applies.
    for (let i = 0; i < AUTH_RULES.loginPerEmail.limit; i++) {
      const res = await postJson("/api/auth/login", {
        email,
        password: `guess ${i}`,
      }, { ip: randomIp() });
      assert.equal(res.status, 401);
    }
    const blocked = await postJson("/api/auth/login", { email, password }, {
      ip: randomIp(),
    });
    assert.equal(blocked.status, 429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    assert.ok(
      retryAfter >= 1 && retryAfter <= env.RATE_LIMIT_WINDOW_SECONDS,
      `Retry-After ${retryAfter}`,
    );
    const body = await blocked.json();
    assert.equal(body.error.code, "RATE_LIMITED");
    assert.equal(body.error.retryAfterSeconds, retryAfter);
    assert.equal(blocked.headers.get("set-cookie"), null, "no session");
    const otherCase = await postJson("/api/auth/login", {
      email: email.toUpperCase(),
      password,
    }, { ip: randomIp() });
    assert.equal(otherCase.status, 429, "the email limit ignores letter case");
  },
);

dbTest(
  "POST /api/auth/login: the per-IP limit answers 429 and forged X-Forwarded-For does not evade it",
  async () => {
    const ip = randomIp();
    for (let i = 0; i < AUTH_RULES.loginPerIp.limit; i++) {
      const res = await postJson("/api/auth/login", {
        email: uniqueEmail(),
        password: "spraying passwords",
      }, { ip, headers: { "x-forwarded-for": randomIp() } });
      assert.equal(res.status, 401, `attempt ${i + 1}`);
    }
    const blocked = await postJson("/api/auth/login", {
      email: uniqueEmail(),
      password: "spraying passwords",
    }, { ip, headers: { "x-forwarded-for": randomIp() } });
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get("retry-after")) >= 1);
    const elsewhere = await postJson("/api/auth/login", {
      email: uniqueEmail(),
      password: "spraying passwords",
    }, { ip: randomIp() });
    assert.equal(elsewhere.status, 401, "another address is not affected");
  },
);

dbTest("POST /api/auth/register: the per-IP limit answers 429", async () => {
  const ip = randomIp();
  for (let i = 0; i < AUTH_RULES.registerPerIp.limit; i++) {
    const res = await postJson("/api/auth/register", {
      name: `Bulk ${i}`,
      email: uniqueEmail(),
      password: "long enough password",
    }, { ip });
    assert.equal(res.status, 201);
  }
  const blocked = await postJson("/api/auth/register", {
    name: "One too many",
    email: uniqueEmail(),
    password: "long enough password",
  }, { ip });
  assert.equal(blocked.status, 429);
  assert.ok(Number(blocked.headers.get("retry-after")) >= 1);
});
