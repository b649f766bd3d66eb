// The API contract. Every route of the API (everything under /api/, plus
// /healthz, /readyz and /metrics) is in /api/openapi.json with each method
// it answers — a route added without a description fails here — and the
// document is valid OpenAPI 3.1. Every response of every test of this run
// is held against that document by the contract check (the harness sets
// OPENAPI_VALIDATE_RESPONSES): these tests prove the check is on and
// catches what it should. /api/docs shows the document under the CSP.
import assert from "node:assert/strict";
import { Validator } from "@seriousme/openapi-schema-validator";
import { app } from "../main.ts";
import { routes } from "../routes.gen.ts";
import { env } from "../lib/env.ts";
import { openApiPath } from "../lib/http/openapi.ts";
import {
  activeContractChecker,
  ContractChecker,
} from "../lib/http/openapi_contract.ts";
import type { RoutesManifest } from "../lib/http/router.ts";
import { IN_CI } from "./support/services.ts";
import { dbTest } from "./support/db.ts";
import { launchBrowser, serveApp, withoutChromium } from "./support/browser.ts";
import { createTestTrip } from "./support/factories.ts";

type Document = {
  openapi: string;
  paths: Record<string, Record<string, { operationId?: string }>>;
  components: { securitySchemes: Record<string, unknown> };
};

/** Machine endpoints outside /api that belong to the API all the same. */
const OPERATIONAL = new Set(["/healthz", "/readyz", "/metrics"]);

function isApi(pattern: string): boolean {
  return pattern.startsWith("/api/") || OPERATIONAL.has(pattern);
}

/** `METHOD /path` of every API route method the document lacks. */
function undescribed(
  manifest: Pick<RoutesManifest, "routes">,
  document: Document,
): string[] {
  const missing: string[] = [];
  for (const { pattern, module } of manifest.routes) {
    if (!isApi(pattern)) continue;
    for (const method of Object.keys(module.handler)) {
      const path = openApiPath(pattern);
      if (!document.paths[path]?.[method.toLowerCase()]) {
        missing.push(`${method} ${path}`);
      }
    }
  }
  return missing;
}

async function servedDocument(): Promise<Document> {
  const res = await app.request("/api/openapi.json");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  return await res.json();
}

Deno.test("every API route and method is in /api/openapi.json, and nothing else", async () => {
  const document = await servedDocument();
  assert.deepEqual(undescribed(routes, document), []);
  const served = new Set(
    routes.routes.filter((route) => isApi(route.pattern)).flatMap((route) =>
      Object.keys(route.module.handler).map((method) =>
        `${method.toLowerCase()} ${openApiPath(route.pattern)}`
      )
    ),
  );
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of Object.keys(item)) {
      assert.ok(served.has(`${method} ${path}`), `${method} ${path} is served`);
    }
  }
  assert.ok(served.size >= 25, `the API has its ${served.size} operations`);
});

Deno.test("control: a route added without a description fails that check", async () => {
  const document = await servedDocument();
  const added = {
    routes: [...routes.routes, {
      pattern: "/api/trips/:id/reviews",
      module: { handler: { GET: () => new Response("[]") } },
    }],
  };
  assert.deepEqual(undescribed(added, document), [
    "GET /api/trips/{id}/reviews",
  ]);
});

Deno.test("the document is valid OpenAPI 3.1 with unique operation ids", async () => {
  const document = await servedDocument();
  assert.equal(document.openapi, "3.1.0");
  const result = await new Validator().validate(document);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  const ids = Object.values(document.paths).flatMap((item) =>
    Object.values(item).map((operation) => operation.operationId)
  );
  assert.equal(new Set(ids).size, ids.length, "operationIds are unique");
  assert.ok(ids.every(Boolean), "every operation has an id");
  assert.ok(document.components.securitySchemes.bearerAuth);

  const broken = structuredClone(document) as unknown as Record<
    string,
    unknown
  >;
  delete broken.info;
  assert.equal(
    (await new Validator().validate(broken)).valid,
    false,
    "control: the validator refuses an invalid document",
  );
});

Deno.test("the responses of this run are checked against the document", async () => {
  if (!env.OPENAPI_VALIDATE_RESPONSES) {
    // `deno task test` turns it on; only a bare `deno test` may skip it.
    assert.ok(!IN_CI, "OPENAPI_VALIDATE_RESPONSES must be on under CI");
    return;
  }
  const res = await app.request("/api/trips");
  assert.equal(res.status, 200);
  await res.body?.cancel();
  const checker = activeContractChecker();
  assert.ok(checker, "the contract check is mounted");
  assert.ok(checker.checked > 0, "and has checked responses");
});

dbTest(
  "the contract check refuses a wrong field, status or content type, and passes a right one",
  async () => {
    const checker = new ContractChecker(await servedDocument());
    const trip = await createTestTrip();
    const right = await app.request(`/api/trips/${trip.id}`);
    const body = await right.json();
    const json = (value: unknown, status = 200) =>
      Response.json(value, { status });

    assert.equal(
      await checker.check("GET", `/api/trips/${trip.id}`, json(body)),
      null,
      "control: the real answer keeps the contract",
    );
    const extra = structuredClone(body);
    extra.trip.internalNote = "leaked";
    assert.match(
      (await checker.check("GET", `/api/trips/${trip.id}`, json(extra)))!,
      /internalNote/,
    );
    const missing = structuredClone(body);
    delete missing.trip.availableSeats;
    assert.match(
      (await checker.check("GET", `/api/trips/${trip.id}`, json(missing)))!,
      /availableSeats/,
    );
    assert.match(
      (await checker.check("GET", "/api/trips/1", json(body, 418)))!,
      /status not documented/,
    );
    assert.match(
      (await checker.check(
        "GET",
        "/api/trips/1",
        new Response("<p>hi</p>", { headers: { "content-type": "text/html" } }),
      ))!,
      /content type text\/html not documented/,
    );
    assert.equal(
      await checker.check("GET", "/not/the/api", json({})),
      undefined,
      "URLs outside the document are not its business",
    );
  },
);

dbTest(
  "GET /api/docs is the reference page, with every file served by Busbook under the CSP",
  async () => {
    const res = await app.request("/api/docs");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /text\/html/);
    assert.match(
      res.headers.get("content-security-policy") ?? "",
      /script-src 'self'/,
    );
    const html = await res.text();
    assert.doesNotMatch(html, /https?:\/\//, "no CDN, no absolute URL");
    assert.doesNotMatch(
      html,
      /<script>(?!<\/script>)|<script [^>]*>[^<]/,
      "no inline script",
    );
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) =>
      m[1]
    );
    assert.equal(assets.length, 4);
    for (const asset of assets) {
      const file = await app.request(asset, {
        headers: { "accept-encoding": "gzip" },
      });
      assert.equal(file.status, 200, asset);
      assert.match(
        file.headers.get("content-type") ?? "",
        /javascript|css|image\/svg\+xml/,
      );
      await file.body?.cancel();
    }
    const outside = await app.request("/api/docs/..%2F..%2Fdeno.json");
    assert.equal(outside.status, 404, "only the page's own files");
    await outside.body?.cancel();
  },
);

dbTest(
  "Chromium renders /api/docs from /api/openapi.json without a CSP violation",
  async () => {
    const running = await serveApp();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      const external: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) {
          violations.push(message.text());
        }
      });
      page.on("request", (request) => {
        if (!request.url().startsWith(running.url)) {
          external.push(request.url());
        }
      });
      await page.goto(`${running.url}/api/docs`);
      await page.getByText("/api/bookings/{id}/confirm").first().waitFor({
        timeout: 15_000,
      });
      assert.ok(await page.getByText("Busbook API").first().isVisible());
      assert.deepEqual(violations, [], violations.join("\n"));
      assert.deepEqual(
        external.filter((url) => !url.startsWith("data:")),
        [],
        "nothing fetched from elsewhere",
      );
    } finally {
      await browser.close();
      await running.close();
    }
  },
  { ignore: withoutChromium },
);
