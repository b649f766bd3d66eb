import assert from "node:assert/strict";
import { Hono } from "hono";
import { app } from "../main.ts";
import { authenticate } from "../lib/auth/tokens.ts";
import type { AppEnv } from "../lib/http/context.ts";
import { handleError, handleNotFound } from "../lib/http/error_handler.tsx";
import {
  enforceAccess,
  requirementFor,
  safeNextPath,
} from "../lib/auth/access.ts";
import { bearer, createTestUser } from "./support/factories.ts";
import { dbTest } from "./support/db.ts";

dbTest("/api/admin/*: anonymous 401, user 403, admin passes", async () => {
  const user = await createTestUser();
  const admin = await createTestUser({ role: "admin" });
  const anonymous = await app.request("/api/admin/stats");
  assert.equal(anonymous.status, 401);
  assert.equal((await anonymous.json()).error.code, "UNAUTHORIZED");
  const asUser = await app.request("/api/admin/stats", {
    headers: bearer(user),
  });
  assert.equal(asUser.status, 403);
  assert.equal((await asUser.json()).error.code, "FORBIDDEN");
  const asAdmin = await app.request("/api/admin/stats", {
    headers: bearer(admin),
  });
  assert.ok(![401, 403].includes(asAdmin.status), `got ${asAdmin.status}`);
  const post = await app.request("/api/admin/trips", {
    method: "POST",
    headers: { ...bearer(user), "content-type": "application/json" },
    body: "{}",
  });
  assert.equal(post.status, 403);
});

dbTest("/api/bookings and /api/holds need a signed-in user", async () => {
  const user = await createTestUser();
  for (const path of ["/api/bookings", "/api/bookings/1", "/api/holds"]) {
    const anonymous = await app.request(path);
    assert.equal(anonymous.status, 401, path);
    const asUser = await app.request(path, { headers: bearer(user) });
    assert.ok(![401, 403].includes(asUser.status), `${path}: ${asUser.status}`);
  }
});

dbTest(
  "anonymous GET /admin redirects (303) to the sign-in form with next",
  async () => {
    const res = await app.request("/admin");
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/login?next=%2Fadmin");
    const deep = await app.request("/admin/trips/7?tab=seats");
    assert.equal(deep.status, 303);
    assert.equal(
      deep.headers.get("location"),
      "/login?next=%2Fadmin%2Ftrips%2F7%3Ftab%3Dseats",
    );
    const bookings = await app.request("/bookings");
    assert.equal(bookings.headers.get("location"), "/login?next=%2Fbookings");
  },
);

dbTest("a signed-in passenger on /admin gets a 403 page", async () => {
  const user = await createTestUser();
  const res = await app.request("/admin", {
    headers: { cookie: `busbook_session=${user.token}` },
  });
  assert.equal(res.status, 403);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  assert.match(await res.text(), /Admins only/);
});

Deno.test("the prefix table matches whole path segments", () => {
  assert.equal(requirementFor("/admin"), "admin");
  assert.equal(requirementFor("/admin/"), "admin");
  assert.equal(requirementFor("/admin/trips"), "admin");
  assert.equal(requirementFor("/api/admin"), "admin");
  assert.equal(requirementFor("/api/bookings/3/confirm"), "user");
  assert.equal(requirementFor("/administrators-guide"), null);
  assert.equal(requirementFor("/api/bookingsx"), null);
  assert.equal(requirementFor("/"), null);
  assert.equal(requirementFor("/api/trips"), null);
});

dbTest(
  "spelling /admin differently never reaches an admin handler anonymously",
  async () => {
    // The same router and middleware as the app, with catch-all admin
    // handlers, so any spelling the router would serve is exercised.
    const probe = new Hono<AppEnv>();
    probe.use(authenticate, enforceAccess);
    probe.get("/admin", (c) => c.text("admin area"));
    probe.get("/admin/*", (c) => c.text("admin area"));
    probe.get("/api/admin/*", (c) => c.text("admin api"));
    probe.onError(handleError);
    probe.notFound(handleNotFound);
    const admin = await createTestUser({ role: "admin" });
    const control = await probe.request("/admin/x", { headers: bearer(admin) });
    assert.equal(control.status, 200, "control: an admin reaches the handler");

    const spellings = [
      "/admin",
      "/admin/",
      "/admin/x",
      "/%61dmin",
      "/%61dmin/x",
      "/admin%2fx",
      "/ADMIN",
      "/Admin/x",
      "//admin",
      "/./admin",
      "/x/../admin",
      "/admin;x",
      "/admin/%2e%2e/admin",
      "/api/admin/x",
      "/api/%61dmin/x",
      "/api//admin/x",
      "/API/admin/x",
    ];
    for (const path of spellings) {
      const res = await probe.request(path);
      assert.notEqual(res.status, 200, `${path} reached an admin handler`);
    }
  },
);

Deno.test("safeNextPath keeps local paths and refuses redirects off-site", () => {
  assert.equal(safeNextPath("/admin?x=1"), "/admin?x=1");
  assert.equal(safeNextPath("/trips/3#seats"), "/trips/3#seats");
  for (
    const evil of [
      undefined,
      null,
      "",
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "javascript:alert(1)",
      "evil.example",
      `/${"a".repeat(3000)}`,
    ]
  ) {
    assert.equal(safeNextPath(evil), "/", String(evil));
  }
});
