// The project's real module graph, as Deno resolves it (`deno info --json`),
// and the two rules its shape must keep: no import cycles, and nothing in
// lib/ importing the UI (routes/, components/, islands/) or the generated
// manifests beside main.ts.
import assert from "node:assert/strict";

/** A graph of local modules: repo-relative path → the paths it imports. */
export type ModuleGraph = Map<string, string[]>;

interface InfoDependency {
  code?: { specifier?: string };
  type?: { specifier?: string };
}

interface InfoModule {
  specifier: string;
  dependencies?: InfoDependency[];
}

/**
 * The local modules reachable from `entries` (repo-relative paths), with
 * their code and type-only imports. One `deno info` run over a generated
 * entry module that imports them all (it is never executed).
 */
export async function loadModuleGraph(
  root: URL,
  entries: readonly string[],
): Promise<ModuleGraph> {
  const dir = new URL(".data/", root);
  await Deno.mkdir(dir, { recursive: true });
  const entry = new URL(`module_graph_${crypto.randomUUID()}.ts`, dir);
  await Deno.writeTextFile(
    entry,
    entries.map((path) => `import "${new URL(path, root).href}";\n`).join(""),
  );
  try {
    const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", entry.pathname],
      cwd: root.pathname,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(code, 0, new TextDecoder().decode(stderr));
    const info = JSON.parse(new TextDecoder().decode(stdout));
    return toGraph(root, info.modules as InfoModule[], entry.href);
  } finally {
    await Deno.remove(entry);
  }
}

function toGraph(root: URL, modules: InfoModule[], skip: string): ModuleGraph {
  const local = (specifier: string | undefined) =>
    specifier?.startsWith(root.href) ? specifier.slice(root.href.length) : "";
  const graph: ModuleGraph = new Map();
  for (const module of modules) {
    const path = local(module.specifier);
    if (!path || module.specifier === skip) continue;
    const imports = new Set<string>();
    for (const dependency of module.dependencies ?? []) {
      for (const target of [dependency.code, dependency.type]) {
        const imported = local(target?.specifier);
        if (imported) imports.add(imported);
      }
    }
    graph.set(path, [...imports].sort());
  }
  return graph;
}

/**
 * Every import cycle, as the modules of each strongly connected component
 * (Tarjan), sorted; a module importing itself is a cycle of one.
 */
export function findCycles(graph: ModuleGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) {
      cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) {
    if (!index.has(node)) visit(node);
  }
  return cycles;
}

const UI =
  /^(routes\/|components\/|islands\/|islands\.gen\.ts$|routes\.gen\.ts$|main\.ts$)/;

/** Imports from lib/ into the UI, as "lib/x.ts → routes/y.ts". */
export function libImportsOfUi(graph: ModuleGraph): string[] {
  const found: string[] = [];
  for (const [path, imports] of graph) {
    if (!path.startsWith("lib/")) continue;
    for (const target of imports) {
      if (UI.test(target)) found.push(`${path} → ${target}`);
    }
  }
  return found.sort();
}

/** Every .ts/.tsx file below `folder` (repo-relative), sorted. */
export async function sourceFiles(
  root: URL,
  folder: string,
): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string) => {
    for await (const entry of Deno.readDir(new URL(relative, root))) {
      const path = `${relative}${entry.name}`;
      if (entry.isDirectory) await walk(`${path}/`);
      else if (/\.tsx?$/.test(entry.name)) found.push(path);
    }
  };
  await walk(folder.endsWith("/") ? folder : `${folder}/`);
  return found.sort();
}
