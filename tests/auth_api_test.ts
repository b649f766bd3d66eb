import assert from "node:assert/strict";
import { app } from "../main.ts";
import { sql } from "../lib/db/pool.ts";
import { env } from "../lib/env.ts";
import { dbTest } from "./support/db.ts";
import { postJson, sessionCookieFrom, uniqueEmail } from "./support/http.ts";

const PASSWORD = "a perfectly fine password";

async function register(email = uniqueEmail(), password = PASSWORD) {
  const res = await postJson("/api/auth/register", {
    name: "Ada Lovelace",
    email,
    password,
  });
  return { res, email, body: await res.json() };
}

dbTest(
  "register → me → logout → login round trip, with Bearer and with the cookie",
  async () => {
    const { res, email, body } = await register();
    assert.equal(res.status, 201);
    assert.equal(res.headers.get("location"), "/api/auth/me");
    assert.equal(res.headers.get("cache-control"), "no-store");
    assert.deepEqual(Object.keys(body).sort(), ["token", "user"]);
    assert.deepEqual(Object.keys(body.user).sort(), [
      "createdAt",
      "email",
      "id",
      "name",
      "role",
    ]);
    assert.equal(body.user.email, email);
    assert.equal(body.user.role, "user");
    assert.equal(typeof body.token, "string");

    const setCookie = res.headers.get("set-cookie") ?? "";
    assert.match(setCookie, /busbook_session=/);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    assert.match(setCookie, /Path=\//);
    assert.match(setCookie, new RegExp(`Max-Age=${env.JWT_TTL_MINUTES * 60}`));
    assert.doesNotMatch(setCookie, /Secure/, "plain http gets no Secure flag");
    const cookie = sessionCookieFrom(res);

    const viaBearer = await app.request("/api/auth/me", {
      headers: { authorization: `Bearer ${body.token}` },
    });
    assert.equal(viaBearer.status, 200);
    assert.deepEqual(await viaBearer.json(), { user: body.user });

    const viaCookie = await app.request("/api/auth/me", {
      headers: { cookie },
    });
    assert.equal(viaCookie.status, 200);
    assert.deepEqual(await viaCookie.json(), { user: body.user });

    const logout = await app.request("/api/auth/logout", {
      method: "POST",
      headers: { cookie, origin: "http://localhost" },
    });
    assert.equal(logout.status, 204);
    assert.match(logout.headers.get("set-cookie") ?? "", /busbook_session=;/);
    assert.match(logout.headers.get("set-cookie") ?? "", /Max-Age=0/);

    const anonymous = await app.request("/api/auth/me");
    assert.equal(anonymous.status, 401);
    assert.equal((await anonymous.json()).error.code, "UNAUTHORIZED");

    const login = await postJson("/api/auth/login", {
      email: email.toUpperCase(),
      password: PASSWORD,
    });
    assert.equal(login.status, 200);
    assert.equal(login.headers.get("cache-control"), "no-store");
    const loggedIn = await login.json();
    assert.deepEqual(loggedIn.user, body.user);
    const again = await app.request("/api/auth/me", {
      headers: { cookie: sessionCookieFrom(login) },
    });
    assert.equal(again.status, 200);
    const withNewToken = await app.request("/api/auth/me", {
      headers: { authorization: `Bearer ${loggedIn.token}` },
    });
    assert.equal(withNewToken.status, 200);
  },
);

dbTest(
  "the session cookie is Secure when the request came over https",
  async () => {
    const { email } = await register();
    const res = await app.request("https://localhost/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("set-cookie") ?? "", /; Secure/);
  },
);

dbTest("register stores the email lower-case and trims the name", async () => {
  const email = uniqueEmail();
  const res = await postJson("/api/auth/register", {
    name: "  Grace Hopper  ",
    email: `  ${email.toUpperCase()} `,
    password: PASSWORD,
  });
  assert.equal(res.status, 201);
  const { user } = await res.json();
  assert.equal(user.name, "Grace Hopper");
  assert.equal(user.email, email);
});

dbTest(
  "registering an existing email in any letter case answers 409 EMAIL_TAKEN",
  async () => {
    const { email } = await register();
    for (const variant of [email, email.toUpperCase(), ` ${email} `]) {
      const { res, body } = await register(variant, "another password");
      assert.equal(res.status, 409);
      assert.equal(body.error.code, "EMAIL_TAKEN");
    }
    const [{ count }] = await sql<{ count: number }[]>`
    select count(*)::int as count from users where lower(email) = ${email}
  `;
    assert.equal(count, 1);
  },
);

dbTest(
  "concurrent sign-ups with one email: exactly one 201, the rest 409, never 500",
  async () => {
    const email = uniqueEmail();
    const results = await Promise.all(
      Array.from(
        { length: 6 },
        (_, i) => register(i % 2 ? email.toUpperCase() : email),
      ),
    );
    const statuses = results.map(({ res }) => res.status).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409]);
    for (const { res, body } of results) {
      if (res.status === 409) assert.equal(body.error.code, "EMAIL_TAKEN");
    }
  },
);

dbTest(
  "a wrong password and an unknown email get the same answer",
  async () => {
    const { email } = await register();
    const wrongPassword = await postJson("/api/auth/login", {
      email,
      password: "not the password",
    });
    const unknownEmail = await postJson("/api/auth/login", {
      email: uniqueEmail(),
      password: "not the password",
    });
    assert.equal(wrongPassword.status, 401);
    assert.equal(unknownEmail.status, 401);
    const a = await wrongPassword.json();
    const b = await unknownEmail.json();
    assert.deepEqual(a, b);
    assert.deepEqual(a, {
      error: {
        code: "UNAUTHORIZED",
        message: "Email or password is incorrect",
      },
    });
    const headerNames = (res: Response) =>
      [...res.headers.keys()].filter((name) => name !== "x-request-id").sort();
    assert.deepEqual(headerNames(wrongPassword), headerNames(unknownEmail));
    assert.equal(wrongPassword.headers.get("set-cookie"), null);
  },
);

dbTest(
  "the stored hash is argon2id, salted, and never contains the password",
  async () => {
    const first = await register();
    const second = await register(uniqueEmail(), PASSWORD);
    const rows = await sql<{ passwordHash: string }[]>`
    select password_hash as "passwordHash" from users
    where id in (${first.body.user.id}, ${second.body.user.id})
    order by id
  `;
    assert.equal(rows.length, 2);
    for (const { passwordHash } of rows) {
      assert.match(passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      assert.ok(!passwordHash.includes(PASSWORD));
      assert.ok(!passwordHash.includes(btoa(PASSWORD).replace(/=+$/, "")));
    }
    assert.notEqual(rows[0].passwordHash, rows[1].passwordHash, "salted");
    assert.doesNotMatch(JSON.stringify(first.body), /argon2|password/i);
  },
);

dbTest(
  "a valid token for an account that does not exist is a 401 on /me",
  async () => {
    const { signToken } = await import("../lib/auth/tokens.ts");
    const token = await signToken({ id: 2 ** 40, role: "user" });
    const res = await app.request("/api/auth/me", {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 401);
  },
);

dbTest(
  "logout without a session still answers 204 and clears the cookie",
  async () => {
    const res = await app.request("/api/auth/logout", {
      method: "POST",
      headers: { origin: "http://localhost" },
    });
    assert.equal(res.status, 204);
    assert.match(res.headers.get("set-cookie") ?? "", /Max-Age=0/);
  },
);
