// Build half of the file-system routes: reads routes/ and writes the
// checked-in routes.gen.ts that main.ts mounts (see lib/http/router.ts).
// `deno task build` and `deno task start` regenerate it; the server never
// reads routes/ itself.
//
// A file's URL comes from its path alone:
//   routes/index.tsx                         → /
//   routes/bookings/index.tsx                → /bookings
//   routes/api/trips/[id]/events.ts          → /api/trips/:id/events
//   routes/admin/trips/[id]/manifest.csv.ts  → /admin/trips/:id/manifest.csv
//   routes/static/[...path].ts               → /static/*
// plus `_middleware.ts` (its folder and below), `_error.tsx` and `_404.tsx`.

const ROOT = new URL("../../", import.meta.url);
const ROUTES_DIR = new URL("routes/", ROOT);
export const ROUTES_MANIFEST_FILE = new URL("routes.gen.ts", ROOT);

const SOURCE = /\.tsx?$/;
const MIDDLEWARE = /^_middleware\.tsx?$/;
const ERROR_PAGE = "_error.tsx";
const NOT_FOUND_PAGE = "_404.tsx";

function segmentPattern(name: string, last: boolean, file: string): string {
  const catchAll = /^\[\.\.\.(\w+)\]$/.exec(name);
  if (catchAll) {
    if (!last) throw new Error(`routes/${file}: [...] must be the last part`);
    return "*";
  }
  const param = /^\[(\w+)\]$/.exec(name);
  if (param) return `:${param[1]}`;
  if (/[[\]:*]/.test(name)) {
    throw new Error(`routes/${file}: "${name}" is not a valid URL part`);
  }
  return name;
}

/**
 * The URL pattern of a route file, given its path under routes/: `index`
 * is its folder, `[id]` a parameter (`:id`), `[...path]` the rest of the
 * URL (`*`), and only the `.ts`/`.tsx` extension is dropped.
 */
export function routePattern(file: string): string {
  const parts = file.replace(SOURCE, "").split("/");
  if (parts.at(-1) === "index") parts.pop();
  const segments = parts.map((name, i) =>
    segmentPattern(name, i === parts.length - 1, file)
  );
  return "/" + segments.join("/");
}

function rank(segment: string): number {
  if (segment === "*") return 2;
  return segment.startsWith(":") ? 1 : 0;
}

/**
 * Match order of two patterns: at the first segment where they differ, a
 * static segment before a `:param` before `*` (then alphabetical); a
 * pattern before the longer patterns it starts.
 */
export function compareRoutes(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    return rank(x[i]) - rank(y[i]) || (x[i] < y[i] ? -1 : 1);
  }
  return x.length - y.length;
}

/** routes/ sorted into what routes.gen.ts lists (paths relative to routes/). */
export interface RouteTable {
  middlewares: { prefix: string; file: string }[];
  routes: { pattern: string; file: string }[];
  errorPage: string;
  notFoundPage: string;
}

/**
 * Sorts route files into middleware, routes (in match order) and the two
 * error pages.
 * @throws {Error} when two files answer one URL, an error page is missing
 *   or misplaced, or a `_` file is not one of the special names.
 */
export function routeTable(files: readonly string[]): RouteTable {
  const middlewares: RouteTable["middlewares"] = [];
  const routes: RouteTable["routes"] = [];
  const special = new Set<string>();
  for (const file of files) {
    const name = file.split("/").pop()!;
    if (!name.startsWith("_")) {
      const pattern = routePattern(file);
      const taken = routes.find((route) => route.pattern === pattern);
      if (taken) {
        throw new Error(
          `routes/${taken.file} and routes/${file} both answer ${pattern}`,
        );
      }
      routes.push({ pattern, file });
    } else if (MIDDLEWARE.test(name)) {
      const folder = file.slice(0, -name.length - 1);
      const prefix = folder ? routePattern(folder) : "/";
      middlewares.push({ prefix, file });
    } else if (file === ERROR_PAGE || file === NOT_FOUND_PAGE) {
      special.add(file);
    } else {
      throw new Error(
        `routes/${file}: only _middleware.ts, and _error.tsx and _404.tsx at the top, may start with "_"`,
      );
    }
  }
  for (const page of [ERROR_PAGE, NOT_FOUND_PAGE]) {
    if (!special.has(page)) throw new Error(`routes/${page} is missing`);
  }
  return {
    middlewares: middlewares.sort((a, b) => compareRoutes(a.prefix, b.prefix)),
    routes: routes.sort((a, b) => compareRoutes(a.pattern, b.pattern)),
    errorPage: ERROR_PAGE,
    notFoundPage: NOT_FOUND_PAGE,
  };
}

async function walk(dir: URL, base = ""): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const path = base + entry.name;
    if (entry.isDirectory) {
      files.push(...await walk(new URL(`${entry.name}/`, dir), `${path}/`));
    } else if (entry.isFile && SOURCE.test(entry.name)) {
      files.push(path);
    }
  }
  return files;
}

/** Every `.ts`/`.tsx` file under routes/, relative, in code-point order. */
export async function listRouteFiles(): Promise<string[]> {
  return (await walk(ROUTES_DIR)).sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
}

/** The text of routes.gen.ts for these files (deno fmt style). */
export function renderRoutesManifest(files: readonly string[]): string {
  const table = routeTable(files);
  const sorted = [...files].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  const id = (file: string) => `$${sorted.indexOf(file)}`;
  return [
    "// DO NOT EDIT. Generated by `deno task build` from routes/; main.ts mounts",
    "// these instead of scanning the file system at run time. Routes are in",
    "// match order: static segments, then [params], then [...catch-alls].",
    'import type { RoutesManifest } from "./lib/http/router.ts";',
    ...sorted.map((file) => `import * as ${id(file)} from "./routes/${file}";`),
    "",
    "export const routes: RoutesManifest = {",
    "  middlewares: [",
    ...table.middlewares.map(({ prefix, file }) =>
      `    { prefix: ${JSON.stringify(prefix)}, module: ${id(file)} },`
    ),
    "  ],",
    "  routes: [",
    ...table.routes.map(({ pattern, file }) =>
      `    { pattern: ${JSON.stringify(pattern)}, module: ${id(file)} },`
    ),
    "  ],",
    `  errorPage: ${id(table.errorPage)},`,
    `  notFoundPage: ${id(table.notFoundPage)},`,
    "};",
    "",
  ].join("\n");
}

/** The text routes.gen.ts should have for routes/ as it is now. */
export async function generateRoutesManifest(): Promise<string> {
  return renderRoutesManifest(await listRouteFiles());
}

/** Rewrites routes.gen.ts from routes/. @returns true when it changed. */
export async function writeRoutesManifest(): Promise<boolean> {
  const next = await generateRoutesManifest();
  const current = await Deno.readTextFile(ROUTES_MANIFEST_FILE).catch(() => "");
  if (current === next) return false;
  await Deno.writeTextFile(ROUTES_MANIFEST_FILE, next);
  return true;
}
