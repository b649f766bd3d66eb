// A form on another site posting to us with the victim's cookie must be
// refused; our own pages' posts (Origin = our origin) must go through.
import assert from "node:assert/strict";
import { app } from "../main.ts";
import { createTestUser } from "./support/factories.ts";
import { dbTest } from "./support/db.ts";
import { uniqueEmail } from "./support/http.ts";

const FORM = "application/x-www-form-urlencoded";

async function logoutWith(headers: Record<string, string>) {
  return await app.request("/api/auth/logout", {
    method: "POST",
    headers,
    body: "x=1",
  });
}

dbTest(
  "a cross-origin cookie form POST is refused with 403 and changes nothing",
  async () => {
    const user = await createTestUser();
    const cookie = `busbook_session=${user.token}`;
    const res = await logoutWith({
      cookie,
      "content-type": FORM,
      origin: "https://evil.example",
    });
    assert.equal(res.status, 403);
    assert.equal((await res.json()).error.code, "FORBIDDEN");
    assert.equal(res.headers.get("set-cookie"), null, "session not cleared");
  },
);

dbTest("a same-origin cookie form POST passes the CSRF check", async () => {
  const user = await createTestUser();
  const res = await logoutWith({
    cookie: `busbook_session=${user.token}`,
    "content-type": FORM,
    origin: "http://localhost",
  });
  assert.equal(res.status, 204);
  const bySecFetchSite = await logoutWith({
    cookie: `busbook_session=${user.token}`,
    "content-type": FORM,
    "sec-fetch-site": "same-origin",
  });
  assert.equal(bySecFetchSite.status, 204);
});

dbTest("forged-origin variants are all refused", async () => {
  const user = await createTestUser();
  const cookie = `busbook_session=${user.token}`;
  const variants: Record<string, string>[] = [
    { "content-type": FORM },
    { "content-type": FORM, origin: "null" },
    { "content-type": FORM, origin: "http://localhost.evil.example" },
    { "content-type": FORM, origin: "http://evil.example:80" },
    { "content-type": FORM, origin: "https://localhost" },
    { "content-type": FORM, "sec-fetch-site": "cross-site" },
    { "content-type": FORM, "sec-fetch-site": "same-site" },
    {
      "content-type": "multipart/form-data; boundary=x",
      origin: "https://evil.example",
    },
    { "content-type": "text/plain", origin: "https://evil.example" },
    { "content-type": "application/json", origin: "https://evil.example" },
    { origin: "https://evil.example" },
  ];
  for (const headers of variants) {
    const res = await logoutWith({ cookie, ...headers });
    assert.equal(res.status, 403, JSON.stringify(headers));
  }
});

dbTest(
  "a cross-site text/plain form cannot smuggle a JSON login (login CSRF)",
  async () => {
    const res = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "https://evil.example" },
      body: JSON.stringify({ email: uniqueEmail(), password: "whatever=x" }),
    });
    assert.equal(res.status, 403);
  },
);

dbTest(
  "a Bearer request is not CSRF-able and skips the origin check",
  async () => {
    const user = await createTestUser();
    const res = await logoutWith({
      authorization: `Bearer ${user.token}`,
      "content-type": FORM,
      origin: "https://evil.example",
    });
    assert.equal(res.status, 204);
  },
);

dbTest("GET is never blocked by the CSRF check", async () => {
  const user = await createTestUser();
  const res = await app.request("/api/auth/me", {
    headers: {
      cookie: `busbook_session=${user.token}`,
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
    },
  });
  assert.equal(res.status, 200);
});

dbTest(
  "an anonymous POST with no cookie and no form body is not a CSRF case",
  async () => {
    // Nothing to forge: no ambient credential and nothing a form could send.
    const res = await app.request("/api/auth/logout", { method: "POST" });
    assert.equal(res.status, 204);
    const withCookie = await app.request("/api/auth/logout", {
      method: "POST",
      headers: { cookie: "busbook_session=anything" },
    });
    assert.equal(
      withCookie.status,
      403,
      "control: with the cookie it is checked",
    );
  },
);
