// Revocable sessions: signing out ends that session's token everywhere
// (copies included), signing out everywhere ends them all, a new password
// ends the others, and a changed role applies on the very next request —
// on this instance and on another one sharing the cache.
import assert from "node:assert/strict";
import { app } from "../main.ts";
import { env } from "../lib/env.ts";
import { dbTest } from "./support/db.ts";
import { createTestUser } from "./support/factories.ts";
import { postJson, sessionCookieFrom, uniqueEmail } from "./support/http.ts";
import { startApp } from "./support/processes.ts";
import { skipUnless } from "./support/services.ts";

const ORIGIN = { origin: "http://localhost" };

/** Signs up a fresh passenger: their email, password and first token. */
async function signUp() {
  const email = uniqueEmail();
  const password = "a long enough password";
  const res = await postJson("/api/auth/register", {
    name: "Session Tester",
    email,
    password,
  });
  assert.equal(res.status, 201);
  const body = await res.json();
  return { email, password, token: body.token as string, id: body.user.id };
}

async function signIn(email: string, password: string): Promise<string> {
  const res = await postJson("/api/auth/login", { email, password });
  assert.equal(res.status, 200);
  return (await res.json()).token;
}

function me(token: string): Promise<Response> {
  return Promise.resolve(
    app.request("/api/auth/me", {
      headers: { authorization: `Bearer ${token}` },
    }),
  );
}

async function status(res: Response | Promise<Response>): Promise<number> {
  const answered = await res;
  await answered.body?.cancel();
  return answered.status;
}

dbTest(
  "logout ends that session: a copied token stops working, another session does not",
  async () => {
    const user = await signUp();
    const phone = await signIn(user.email, user.password);
    const copied = user.token;
    assert.equal(
      await status(me(copied)),
      200,
      "control: the copy works before",
    );

    const out = await app.request("/api/auth/logout", {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}` },
    });
    assert.equal(out.status, 204);
    assert.equal(await status(me(copied)), 401, "the copied token is dead");
    assert.equal(await status(me(phone)), 200, "the other session lives on");
    // The cookie carrying the same token is no session either.
    const viaCookie = await app.request("/api/auth/me", {
      headers: { cookie: `busbook_session=${copied}` },
    });
    assert.equal(viaCookie.status, 401);
  },
);

dbTest(
  "logout through the cookie (the page's form) ends the session too",
  async () => {
    const email = uniqueEmail();
    const res = await postJson("/api/auth/register", {
      name: "Cookie",
      email,
      password: "a long enough password",
    });
    const cookie = sessionCookieFrom(res);
    const token = (await res.json()).token;
    const out = await app.request("/logout", {
      method: "POST",
      headers: { cookie, ...ORIGIN },
    });
    assert.equal(out.status, 303);
    assert.equal(await status(me(token)), 401);
  },
);

dbTest(
  "sign out everywhere ends every session and older tokens without one",
  async () => {
    const user = await signUp();
    const laptop = await signIn(user.email, user.password);
    // A token from before sessions existed (no session id), as tests sign.
    const legacyOwner = await createTestUser();
    assert.equal(
      await status(me(legacyOwner.token)),
      200,
      "control: legacy works",
    );

    const list = await app.request("/api/auth/sessions", {
      headers: { authorization: `Bearer ${laptop}` },
    });
    const { sessions } = await list.json();
    assert.equal(sessions.length, 2);
    assert.equal(
      sessions.filter((s: { current: boolean }) => s.current).length,
      1,
    );

    const everywhere = await app.request("/api/auth/sessions", {
      method: "DELETE",
      headers: { authorization: `Bearer ${laptop}` },
    });
    assert.equal(everywhere.status, 204);
    assert.match(everywhere.headers.get("set-cookie") ?? "", /Max-Age=0/);
    assert.equal(await status(me(laptop)), 401);
    assert.equal(await status(me(user.token)), 401);

    const legacyOut = await app.request("/api/auth/sessions", {
      method: "DELETE",
      headers: { authorization: `Bearer ${legacyOwner.token}` },
    });
    assert.equal(legacyOut.status, 204);
    assert.equal(
      await status(me(legacyOwner.token)),
      401,
      "legacy token ended",
    );
    // Signing in again works, and only the new session is listed.
    const again = await signIn(user.email, user.password);
    assert.equal(await status(me(again)), 200);
  },
);

dbTest(
  "a demoted admin loses admin access on the next request, with the same token",
  async () => {
    const boss = await createTestUser({ role: "admin" });
    const demoted = await createTestUser({ role: "admin" });
    const asDemoted = { authorization: `Bearer ${demoted.token}` };
    assert.equal(
      await status(app.request("/api/admin/stats", { headers: asDemoted })),
      200,
      "control: an admin before",
    );
    const change = await app.request(`/api/admin/users/${demoted.id}`, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${boss.token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ role: "user" }),
    });
    assert.equal(change.status, 200);
    assert.equal((await change.json()).user.role, "user");
    const after = await app.request("/api/admin/stats", { headers: asDemoted });
    assert.equal(after.status, 403);
    const self = await (await me(demoted.token)).json();
    assert.equal(self.user.role, "user", "still signed in, as a passenger");

    const own = await app.request(`/api/admin/users/${boss.id}`, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${boss.token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ role: "user" }),
    });
    assert.equal(own.status, 409, "an admin cannot demote themselves");
  },
);

dbTest(
  "a new password ends every other session; the answer is a new session",
  async () => {
    const user = await signUp();
    const other = await signIn(user.email, user.password);
    const wrong = await app.request("/api/auth/password", {
      method: "POST",
      headers: {
        authorization: `Bearer ${user.token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        currentPassword: "not it",
        newPassword: "new one!!",
      }),
    });
    assert.equal(wrong.status, 401);
    assert.equal(
      await status(me(other)),
      200,
      "control: a wrong password changes nothing",
    );

    const changed = await app.request("/api/auth/password", {
      method: "POST",
      headers: {
        authorization: `Bearer ${user.token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        currentPassword: user.password,
        newPassword: "a brand new password",
      }),
    });
    assert.equal(changed.status, 200);
    const fresh = (await changed.json()).token;
    assert.equal(await status(me(other)), 401);
    assert.equal(await status(me(user.token)), 401);
    assert.equal(await status(me(fresh)), 200);
    assert.equal(
      (await postJson("/api/auth/login", {
        email: user.email,
        password: user.password,
      })).status,
      401,
      "the old password is gone",
    );
    await signIn(user.email, "a brand new password");
  },
);

const noRedis = skipUnless("Redis (REDIS_URL)", env.REDIS_URL !== undefined);

dbTest(
  "another instance sharing the cache refuses a signed-out token on the next request",
  async () => {
    const other = await startApp();
    try {
      const user = await signUp();
      const ask = (token: string) =>
        fetch(`${other.url}/api/auth/me`, {
          headers: { authorization: `Bearer ${token}` },
        });
      // Warm the other instance's cache with the live session.
      assert.equal(await status(ask(user.token)), 200, "control");
      assert.equal(await status(ask(user.token)), 200, "control, cached");
      await app.request("/api/auth/logout", {
        method: "POST",
        headers: { authorization: `Bearer ${user.token}` },
      });
      assert.equal(await status(ask(user.token)), 401);
    } finally {
      await other.stop();
    }
  },
  { ignore: noRedis },
);
