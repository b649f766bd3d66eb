// The precomputed security headers are exactly what hono/secure-headers
// sends with our options, and every app response carries them and a
// request id (including errors and a caller-supplied id).
import assert from "node:assert/strict";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import {
  CONTENT_SECURITY_POLICY,
  securityHeaders,
} from "../lib/http/security_headers.ts";
import { requestId } from "../lib/http/request_id.ts";
import { NotFoundError } from "../lib/http/errors.ts";
import { handleError } from "../lib/http/error_handler.tsx";
import type { AppEnv } from "../lib/http/context.ts";

function headerMap(res: Response): Record<string, string> {
  return Object.fromEntries(res.headers);
}

Deno.test("security headers equal hono/secure-headers with our options", async () => {
  const reference = new Hono().use(secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    referrerPolicy: "strict-origin-when-cross-origin",
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
  }));
  const ours = new Hono().use(securityHeaders);
  for (const app of [reference, ours]) {
    app.get("/", (c) => {
      c.header("X-Powered-By", "leaky");
      c.header("X-Frame-Options", "SAMEORIGIN");
      return c.json({ ok: true });
    });
    app.get("/raw", () => new Response("raw"));
  }
  for (const path of ["/", "/raw", "/missing"]) {
    const expected = headerMap(await reference.request(path));
    const actual = headerMap(await ours.request(path));
    assert.deepEqual(actual, expected, path);
    assert.equal(actual["x-frame-options"], "DENY", path);
    assert.equal(actual["x-powered-by"], undefined, path);
  }
});

Deno.test("request id: a sane caller id is kept, anything else replaced", async () => {
  const app = new Hono<AppEnv>().use(requestId);
  app.get("/", (c) => c.text(c.get("requestId")));
  app.get("/raw", () => new Response("raw"));
  app.get("/fails", () => {
    throw new NotFoundError("nothing here");
  });
  app.onError(handleError);

  const kept = await app.request("/", {
    headers: { "x-request-id": "proxy-id_42=" },
  });
  assert.equal(kept.headers.get("x-request-id"), "proxy-id_42=");
  assert.equal(await kept.text(), "proxy-id_42=");

  for (const bad of ["has space", "semi;colon", "x".repeat(256)]) {
    const res = await app.request("/", { headers: { "x-request-id": bad } });
    const id = res.headers.get("x-request-id") ?? "";
    assert.match(id, /^[0-9a-f-]{36}$/, bad);
    assert.equal(await res.text(), id);
  }

  for (const path of ["/raw", "/fails"]) {
    const res = await app.request(path);
    await res.body?.cancel();
    assert.match(res.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
  }
  const first = await app.request("/");
  const second = await app.request("/");
  assert.notEqual(await first.text(), await second.text());
});
