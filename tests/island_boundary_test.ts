// Islands run in the browser: they may import each other's shared modules,
// Preact, signals and pure helpers, never server code (database, cache,
// environment, auth…). This walks each island's real module graph.
import assert from "node:assert/strict";
import { listIslands } from "../lib/islands/build.ts";

const ROOT = new URL("../", import.meta.url);
const BROWSER_SAFE_LIB = new Set([
  "lib/format.ts",
  "lib/islands/client.ts",
  "lib/trips/seat_status.ts",
]);
const BROWSER_PACKAGES =
  /^npm:\/?(preact|@preact\/signals|@preact\/signals-core)@/;

interface ModuleInfo {
  specifier: string;
}

async function moduleGraph(entry: string): Promise<string[]> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", entry],
    cwd: ROOT.pathname,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
  const info = JSON.parse(new TextDecoder().decode(stdout));
  return (info.modules as ModuleInfo[]).map((m) => m.specifier);
}

function forbidden(specifier: string): boolean {
  if (specifier.startsWith("file://")) {
    const path = specifier.slice(ROOT.href.length);
    return !path.startsWith("islands/") && !BROWSER_SAFE_LIB.has(path);
  }
  if (specifier.startsWith("npm:")) return !BROWSER_PACKAGES.test(specifier);
  // Anything else (node:, remote URLs) has no place in a browser bundle.
  return true;
}

Deno.test("islands import only island modules, Preact, signals and pure helpers", async () => {
  const islands = await listIslands();
  assert.ok(islands.length > 0);
  for (const island of islands) {
    const graph = await moduleGraph(`islands/${island}.tsx`);
    const bad = graph.filter(forbidden);
    assert.deepEqual(bad, [], `${island} imports server-side modules`);
  }
});

Deno.test("the boundary check would catch an island importing the database", () => {
  assert.ok(forbidden(new URL("lib/db/pool.ts", ROOT).href));
  assert.ok(forbidden(new URL("lib/cache/mod.ts", ROOT).href));
  assert.ok(forbidden("npm:/postgres@3.4.9"));
  assert.ok(forbidden("node:fs"));
  assert.ok(!forbidden(new URL("islands/shared/api.ts", ROOT).href));
  assert.ok(!forbidden("npm:/preact@11.2.0"));
});
