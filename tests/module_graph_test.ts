// The shape of the code, checked on Deno's own resolution of every import
// (code and type-only): no module imports back a module that imports it,
// and lib/ never reaches up into routes/, components/, islands/ or the
// generated manifests — the app hands lib/ what it needs.
import assert from "node:assert/strict";
import {
  findCycles,
  libImportsOfUi,
  loadModuleGraph,
  sourceFiles,
} from "./support/module_graph.ts";

const ROOT = new URL("../", import.meta.url);

async function appGraph() {
  const entries = [
    "main.ts",
    ...await sourceFiles(ROOT, "lib"),
    ...await sourceFiles(ROOT, "routes"),
    ...await sourceFiles(ROOT, "components"),
    ...await sourceFiles(ROOT, "islands"),
    ...await sourceFiles(ROOT, "scripts"),
  ];
  return await loadModuleGraph(ROOT, entries);
}

Deno.test("no import cycles, and lib/ imports nothing from the UI", async () => {
  const graph = await appGraph();
  assert.ok(graph.has("lib/bookings/reserve.ts"), "the graph covers lib/");
  assert.ok(graph.has("main.ts"));
  assert.deepEqual(findCycles(graph), []);
  assert.deepEqual(libImportsOfUi(graph), []);
});

Deno.test("the graph check catches a real import cycle (control)", async () => {
  const graph = await loadModuleGraph(ROOT, [
    "tests/fixtures/module_graph/cycle_a.ts",
  ]);
  assert.deepEqual(findCycles(graph), [[
    "tests/fixtures/module_graph/cycle_a.ts",
    "tests/fixtures/module_graph/cycle_b.ts",
  ]]);
});

Deno.test("the graph check catches lib/ importing the UI (control)", () => {
  const graph = new Map([
    ["lib/http/error_handler.ts", ["components/ErrorPage.tsx"]],
    ["lib/islands/document.ts", ["islands.gen.ts"]],
    ["lib/trips/reads.ts", ["lib/cache/mod.ts"]],
    ["routes/index.tsx", ["lib/trips/reads.ts"]],
  ]);
  assert.deepEqual(libImportsOfUi(graph), [
    "lib/http/error_handler.ts → components/ErrorPage.tsx",
    "lib/islands/document.ts → islands.gen.ts",
  ]);
  assert.deepEqual(findCycles(new Map([["lib/a.ts", ["lib/a.ts"]]])), [[
    "lib/a.ts",
  ]]);
});
