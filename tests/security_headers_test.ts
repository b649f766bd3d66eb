// The precomputed security headers: an HTML page gets exactly what
// hono/secure-headers sends with our options, less the two headers for
// browsers that are gone; everything else (JSON, scripts, the live stream)
// gets OWASP's REST set. Every app response carries them and a request id
// (including errors and a caller-supplied id).
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

function probe(app: Hono) {
  app.get("/page", (c) => {
    c.header("X-Powered-By", "leaky");
    c.header("X-Frame-Options", "SAMEORIGIN");
    return c.html("<p>page</p>");
  });
  app.get("/json", (c) => {
    c.header("X-Powered-By", "leaky");
    c.header("X-Frame-Options", "SAMEORIGIN");
    return c.json({ ok: true });
  });
  app.get("/raw", () => new Response("raw"));
  return app;
}

/** Headers no current browser acts on, dropped from every response. */
const OBSOLETE = ["x-xss-protection", "x-download-options"];

Deno.test("pages: security headers equal hono/secure-headers with our options, less the obsolete two", async () => {
  const reference = probe(
    new Hono().use(secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      referrerPolicy: "strict-origin-when-cross-origin",
      xFrameOptions: "DENY",
      xContentTypeOptions: "nosniff",
    })),
  );
  const ours = probe(new Hono().use(securityHeaders));
  const expected = headerMap(await reference.request("/page"));
  for (const name of OBSOLETE) {
    assert.ok(name in expected, `the reference still sends ${name}`);
    delete expected[name];
  }
  const actual = headerMap(await ours.request("/page"));
  assert.deepEqual(actual, expected);
  assert.equal(actual["x-frame-options"], "DENY");
  assert.equal(actual["x-powered-by"], undefined);
  assert.match(actual["content-security-policy"], /script-src 'self'/);
});

Deno.test("JSON, plain text and not-found answers: OWASP's REST set, nothing page-only", async () => {
  const ours = probe(new Hono().use(securityHeaders));
  for (const path of ["/json", "/raw", "/missing"]) {
    const res = await ours.request(path);
    await res.body?.cancel();
    const headers = headerMap(res);
    assert.equal(
      headers["content-security-policy"],
      "default-src 'none'; frame-ancestors 'none'",
      path,
    );
    assert.equal(headers["x-content-type-options"], "nosniff", path);
    assert.equal(headers["x-frame-options"], "DENY", path);
    assert.equal(headers["cross-origin-resource-policy"], "same-origin", path);
    assert.equal(
      headers["strict-transport-security"],
      "max-age=15552000; includeSubDomains",
      path,
    );
    for (
      const pageOnly of [
        "referrer-policy",
        "cross-origin-opener-policy",
        "origin-agent-cluster",
        "x-dns-prefetch-control",
        "x-permitted-cross-domain-policies",
        ...OBSOLETE,
        "x-powered-by",
      ]
    ) {
      assert.equal(headers[pageOnly], undefined, `${path}: ${pageOnly}`);
    }
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
