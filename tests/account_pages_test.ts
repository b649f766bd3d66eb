import assert from "node:assert/strict";
import { dbTest } from "./support/db.ts";
import { createTestUser, TEST_PASSWORD } from "./support/factories.ts";
import { getPage, postForm } from "./support/forms.ts";
import { uniqueEmail } from "./support/http.ts";

dbTest(
  "GET /login and /register render labelled forms that post to themselves",
  async () => {
    const login = await getPage("/login?next=/bookings");
    assert.equal(login.status, 200);
    assert.match(login.html, /<form method="post" action="\/login"/);
    assert.match(login.html, /<label for="field-email"/);
    assert.match(login.html, /name="next" value="\/bookings"/);
    assert.match(login.html, /href="\/register\?next=%2Fbookings"/);
    assert.doesNotMatch(login.html, /<script/);
    const register = await getPage("/register");
    assert.match(register.html, /<form method="post" action="\/register"/);
    assert.match(register.html, /autocomplete="new-password"/);
  },
);

dbTest("registering signs in and follows a same-site next", async () => {
  const email = uniqueEmail();
  const res = await postForm("/register", {
    name: "Ada Passenger",
    email,
    password: "long enough password",
    next: "/trips/1",
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/trips/1");
  assert.match(
    res.headers.get("set-cookie") ?? "",
    /busbook_session=[^;]+;.*HttpOnly/i,
  );
});

dbTest(
  "a register form with problems keeps the typed values and names each problem",
  async () => {
    const res = await postForm("/register", {
      name: "",
      email: "not-an-email",
      password: "short",
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Enter your name/);
    assert.match(html, /Enter a valid email address/);
    assert.match(html, /Password must be at least 8 characters/);
    assert.match(html, /name="email" type="email" value="not-an-email"/);
    assert.doesNotMatch(html, /value="short"/, "the password is never echoed");
    assert.equal(res.headers.get("set-cookie"), null);
  },
);

dbTest("registering a taken email says so on the email field", async () => {
  const existing = await createTestUser();
  const res = await postForm("/register", {
    name: "Someone",
    email: existing.email.toUpperCase(),
    password: "long enough password",
  });
  assert.equal(res.status, 409);
  assert.match(
    await res.text(),
    /id="field-email-error"[^>]*>.*already exists/s,
  );
});

dbTest(
  "signing in with the right password redirects to next; a foreign next goes home",
  async () => {
    const user = await createTestUser();
    const ok = await postForm("/login", {
      email: user.email,
      password: TEST_PASSWORD,
      next: "/bookings",
    });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get("location"), "/bookings");
    assert.match(ok.headers.get("set-cookie") ?? "", /busbook_session=/);
    for (
      const next of [
        "//evil.example/x",
        "https://evil.example",
        "/\\evil.example",
      ]
    ) {
      const res = await postForm("/login", {
        email: user.email,
        password: TEST_PASSWORD,
        next,
      });
      assert.equal(res.headers.get("location"), "/", next);
    }
  },
);

dbTest("a wrong password shows one message and keeps the email", async () => {
  const user = await createTestUser();
  const res = await postForm("/login", {
    email: user.email,
    password: "wrong password!",
  });
  assert.equal(res.status, 401);
  const html = await res.text();
  assert.match(html, /Email or password is incorrect/);
  assert.match(html, new RegExp(`value="${user.email}"`));
  assert.equal(res.headers.get("set-cookie"), null);
});

dbTest("signing out clears the session and goes home", async () => {
  const user = await createTestUser();
  const res = await postForm("/logout", {}, { token: user.token });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/");
  assert.match(res.headers.get("set-cookie") ?? "", /busbook_session=;/);
});

dbTest("the header shows account links that fit the visitor", async () => {
  const anonymous = await getPage("/");
  assert.match(anonymous.html, /href="\/login"/);
  assert.doesNotMatch(anonymous.html, /action="\/logout"/);
  const user = await createTestUser();
  const signedIn = await getPage("/", user.token);
  assert.match(signedIn.html, /href="\/bookings"/);
  assert.match(signedIn.html, /action="\/logout"/);
  assert.doesNotMatch(signedIn.html, /href="\/admin"/);
  const admin = await createTestUser({ role: "admin" });
  assert.match((await getPage("/", admin.token)).html, /href="\/admin"/);
});
