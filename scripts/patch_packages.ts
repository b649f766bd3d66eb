// `deno task install`: installs the npm packages, then applies each
// patches/<name>@<version>.patch (a unified diff, paths relative to the
// package) to that package in node_modules, the way patch-package does for
// npm. `start`, `test`, `loadtest` and `chaos` run it first too, so a fresh
// clone needs nothing else. Applying is idempotent; a file that matches
// neither side of its patch stops everything, naming it.
//
// node_modules files are hard links into Deno's global npm cache: a patched
// file is written beside the original and renamed over it, so the cache
// (and every other project using it) keeps the pristine copy.

const ROOT = new URL("../", import.meta.url);

interface Hunk {
  oldStart: number;
  oldLines: string[];
  newStart: number;
  newLines: string[];
}

interface FilePatch {
  path: string;
  hunks: Hunk[];
}

/** The files and hunks of a unified diff (text before the first file is ignored). */
export function parsePatch(text: string): FilePatch[] {
  const files: FilePatch[] = [];
  let hunk: Hunk | undefined;
  for (const line of text.split("\n")) {
    const header = line.match(/^\+\+\+ b\/(.+)$/);
    const range = line.match(/^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/);
    if (header) {
      files.push({ path: header[1], hunks: [] });
      hunk = undefined;
    } else if (line.startsWith("--- ")) {
      hunk = undefined;
    } else if (range && files.length) {
      hunk = {
        oldStart: Number(range[1]),
        newStart: Number(range[2]),
        oldLines: [],
        newLines: [],
      };
      files.at(-1)!.hunks.push(hunk);
    } else if (hunk && /^[ +-]/.test(line)) {
      const body = line.slice(1);
      if (line[0] !== "+") hunk.oldLines.push(body);
      if (line[0] !== "-") hunk.newLines.push(body);
    }
  }
  return files;
}

function matchesAt(lines: string[], at: number, expected: string[]): boolean {
  return expected.every((line, i) => lines[at + i] === line);
}

/**
 * The file's text with the hunks applied, the same text when they already
 * are, or null when it matches neither (another version of the package).
 */
export function applyHunks(text: string, hunks: Hunk[]): string | null {
  const lines = text.split("\n");
  if (hunks.every((h) => matchesAt(lines, h.newStart - 1, h.newLines))) {
    return text;
  }
  if (!hunks.every((h) => matchesAt(lines, h.oldStart - 1, h.oldLines))) {
    return null;
  }
  // From the last hunk up, so earlier line numbers stay valid.
  for (const h of [...hunks].reverse()) {
    lines.splice(h.oldStart - 1, h.oldLines.length, ...h.newLines);
  }
  return lines.join("\n");
}

/**
 * For a patch named <name>@<version>.patch (a scoped @scope/name spelled
 * @scope+name): Deno's folder for that version, node_modules/.deno/
 * <name>@<version>/, and the package inside it.
 */
function packageDirs(root: URL, patchName: string): { folder: URL; dir: URL } {
  const folder = patchName.replace(/\.patch$/, "");
  const name = folder.match(/^(.+)@[^@]+$/)?.[1];
  if (!name) {
    throw new Error(`patches/${patchName}: not <name>@<version>.patch`);
  }
  const base = new URL(`node_modules/.deno/${folder}/`, root);
  return {
    folder: base,
    dir: new URL(`node_modules/${name.replace("+", "/")}/`, base),
  };
}

async function exists(url: URL): Promise<boolean> {
  try {
    await Deno.stat(url);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

async function install(root: URL): Promise<void> {
  const { success } = await new Deno.Command(Deno.execPath(), {
    args: ["install"],
    cwd: root,
    stdin: "null",
  }).output();
  if (!success) throw new Error("`deno install` failed");
}

/**
 * Applies every patch in `<root>/patches/` to `<root>/node_modules`,
 * running `deno install` first when a patched package is not there yet.
 * @throws when a package is missing after installing, or a file matches
 * neither side of its patch (the pinned version changed: update or delete
 * the patch).
 * @returns the files it changed (empty when everything was patched already).
 */
export async function patchPackages(
  options: { root?: URL; log?: (line: string) => void } = {},
): Promise<string[]> {
  const root = options.root ?? ROOT;
  const patchesDir = new URL("patches/", root);
  if (!(await exists(patchesDir))) return [];
  const names: string[] = [];
  for await (const entry of Deno.readDir(patchesDir)) {
    if (entry.isFile && entry.name.endsWith(".patch")) names.push(entry.name);
  }
  const changed: string[] = [];
  let installed = false;
  for (const name of names.sort()) {
    const { folder, dir } = packageDirs(root, name);
    if (!(await exists(dir)) && !installed) {
      await install(root);
      installed = true;
    }
    if (!(await exists(dir))) {
      throw new Error(
        `patches/${name}: node_modules has no such package; update or delete the patch`,
      );
    }
    const patch = parsePatch(
      await Deno.readTextFile(new URL(name, patchesDir)),
    );
    let reinstalled = false;
    for (let i = 0; i < patch.length; i++) {
      const file = patch[i];
      const target = new URL(file.path, dir);
      const original = await Deno.readTextFile(target);
      const patched = applyHunks(original, file.hunks);
      if (patched === null && !reinstalled) {
        // Patched by an earlier version of this patch (or edited): start
        // again from npm's copy, then patch every file of it again.
        await Deno.remove(folder, { recursive: true });
        await install(root);
        reinstalled = true;
        i = -1;
        continue;
      }
      if (patched === null) {
        throw new Error(
          `patches/${name}: ${file.path} matches neither the original nor the patched text`,
        );
      }
      if (patched === original) continue;
      const temporary = new URL(`${file.path}.patching`, dir);
      await Deno.writeTextFile(temporary, patched);
      await Deno.rename(temporary, target);
      changed.push(`${name.replace(/\.patch$/, "")}/${file.path}`);
      options.log?.(`Patched ${name.replace(/\.patch$/, "")}: ${file.path}`);
    }
  }
  return changed;
}

if (import.meta.main) {
  const [rootArg] = Deno.args;
  const root = rootArg
    ? new URL(`file://${await Deno.realPath(rootArg)}/`)
    : undefined;
  try {
    const changed = await patchPackages({ root, log: console.log });
    if (!changed.length) console.log("npm patches: already applied");
  } catch (error) {
    console.error((error as Error).message);
    Deno.exit(1);
  }
}
