import assert from "node:assert/strict";
import { Hono } from "hono";
import type { AppEnv } from "../lib/http/context.ts";
import {
  compareRoutes,
  generateRoutesManifest,
  listRouteFiles,
  routePattern,
  ROUTES_MANIFEST_FILE,
  routeTable,
} from "../lib/http/routes_manifest.ts";
import { mountRoutes } from "../lib/http/router.ts";

Deno.test("routes.gen.ts lists exactly the files in routes/ (run `deno task build`)", async () => {
  assert.equal(
    await Deno.readTextFile(ROUTES_MANIFEST_FILE),
    await generateRoutesManifest(),
  );
});

Deno.test("a route file's URL comes from its path alone", () => {
  const examples: [string, string][] = [
    ["index.tsx", "/"],
    ["bookings/index.tsx", "/bookings"],
    ["api/auth/login.ts", "/api/auth/login"],
    ["api/trips/[id]/events.ts", "/api/trips/:id/events"],
    ["trips/[id].tsx", "/trips/:id"],
    ["admin/trips/[id]/manifest.csv.ts", "/admin/trips/:id/manifest.csv"],
    ["static/[...path].ts", "/static/*"],
  ];
  for (const [file, pattern] of examples) {
    assert.equal(routePattern(file), pattern, file);
  }
  assert.throws(() => routePattern("static/[...path]/more.ts"), /last part/);
  assert.throws(() => routePattern("trips/x[id].tsx"), /not a valid URL part/);
});

Deno.test("every example URL is answered by the file its path names", async () => {
  const { routes } = routeTable(await listRouteFiles());
  const fileOf = new Map(routes.map((route) => [route.pattern, route.file]));
  assert.equal(fileOf.get("/"), "index.tsx");
  assert.equal(fileOf.get("/bookings"), "bookings/index.tsx");
  assert.equal(fileOf.get("/api/auth/login"), "api/auth/login.ts");
  assert.equal(fileOf.get("/api/trips/:id/events"), "api/trips/[id]/events.ts");
  assert.equal(
    fileOf.get("/admin/trips/:id/manifest.csv"),
    "admin/trips/[id]/manifest.csv.ts",
  );
  assert.equal(fileOf.get("/static/*"), "static/[...path].ts");
});

Deno.test("static segments come before [params], and catch-alls last", () => {
  const shuffled = [
    "/static/*",
    "/admin/trips/:id",
    "/admin/trips/:id/edit",
    "/admin/trips/new",
    "/admin/trips",
    "/static/build",
    "/static/:name",
    "/",
  ];
  assert.deepEqual(shuffled.sort(compareRoutes), [
    "/",
    "/admin/trips",
    "/admin/trips/new",
    "/admin/trips/:id",
    "/admin/trips/:id/edit",
    "/static/build",
    "/static/:name",
    "/static/*",
  ]);
});

Deno.test("the route table refuses two files for one URL and stray _ files", () => {
  const pages = ["_error.tsx", "_404.tsx"];
  assert.throws(
    () => routeTable([...pages, "trips/[id].tsx", "trips/[id]/index.tsx"]),
    /both answer \/trips\/:id/,
  );
  assert.throws(() => routeTable([...pages, "admin/_helpers.ts"]), /"_"/);
  assert.throws(() => routeTable(["_error.tsx"]), /_404\.tsx is missing/);
  assert.deepEqual(
    routeTable([...pages, "api/_middleware.ts", "_middleware.ts"]).middlewares,
    [
      { prefix: "/", file: "_middleware.ts" },
      { prefix: "/api", file: "api/_middleware.ts" },
    ],
  );
});

Deno.test("mountRoutes: middleware covers its folder once, static wins over :param", async () => {
  const seen: string[] = [];
  const app = new Hono<AppEnv>();
  mountRoutes(app, {
    middlewares: [
      {
        prefix: "/",
        module: {
          handler: async (_c, next) => {
            seen.push("root");
            await next();
          },
        },
      },
      {
        prefix: "/trips",
        module: {
          handler: [async (_c, next) => {
            seen.push("trips");
            await next();
          }],
        },
      },
    ],
    routes: [
      {
        pattern: "/trips",
        module: { handler: { GET: (c) => c.text("list") } },
      },
      {
        pattern: "/trips/new",
        module: {
          handler: {
            GET: (c) => c.text("form"),
            POST: (c) => c.text("created"),
          },
        },
      },
      {
        pattern: "/trips/:id",
        module: {
          handler: { GET: (c) => c.text(`trip ${c.req.param("id")}`) },
        },
      },
      { pattern: "/tripsx", module: { handler: { GET: (c) => c.text("x") } } },
    ],
  });
  const cases: [string, string, string, string[]][] = [
    ["GET", "/trips", "list", ["root", "trips"]],
    ["GET", "/trips/7", "trip 7", ["root", "trips"]],
    ["POST", "/trips/new", "created", ["root", "trips"]],
    ["GET", "/trips/new", "form", ["root", "trips"]],
    ["GET", "/tripsx", "x", ["root"]],
  ];
  for (const [method, path, body, middleware] of cases) {
    seen.length = 0;
    const res = await app.request(path, { method });
    assert.equal(await res.text(), body, `${method} ${path}`);
    assert.deepEqual(seen, middleware, `${method} ${path}`);
  }
  const wrongMethod = await app.request("/trips/7", { method: "DELETE" });
  assert.equal(wrongMethod.status, 404);

  // Control: Hono tries routes in registration order, so the manifest's
  // order is what makes the static segment win.
  const reversed = new Hono<AppEnv>();
  mountRoutes(reversed, {
    middlewares: [],
    routes: [
      {
        pattern: "/trips/:id",
        module: { handler: { GET: (c) => c.text("id") } },
      },
      {
        pattern: "/trips/new",
        module: { handler: { GET: (c) => c.text("new") } },
      },
    ],
  });
  assert.equal(await (await reversed.request("/trips/new")).text(), "id");
});
