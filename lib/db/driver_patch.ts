// The pinned postgres.js has defects that end the process when a
// connection drops (patches/postgres@3.4.9.patch says which). The patch is
// applied to node_modules by scripts/patch_packages.ts; this refuses to run
// the app on a copy of the driver that missed it, with the one line that
// fixes it, rather than let the first dropped connection kill the process.

/** The comment every hunk of a patch in patches/ carries. */
export const PATCH_MARKER = "busbook patch";

const PATCHES_DIR = new URL("../../patches/", import.meta.url);

/** Where the running `postgres` package lives, and its version. */
export function installedDriver(): { file: URL; version: string } | null {
  const entry = import.meta.resolve("postgres");
  const version = entry.match(/\/postgres@(\d+\.\d+\.\d+[^/]*)\//)?.[1];
  if (!entry.startsWith("file:") || !version) return null;
  return { file: new URL("./connection.js", entry), version };
}

function exists(url: URL): boolean {
  try {
    Deno.statSync(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * @throws {Error} when patches/ has a patch for the installed postgres.js
 * version and the installed copy does not carry it.
 */
export function assertDriverPatched(): void {
  const driver = installedDriver();
  // Not from a node_modules folder (or an unknown layout): nothing to check.
  if (!driver) return;
  const patch = new URL(`postgres@${driver.version}.patch`, PATCHES_DIR);
  if (!exists(patch)) return;
  if (Deno.readTextFileSync(driver.file).includes(PATCH_MARKER)) return;
  throw new Error(
    `postgres.js ${driver.version} in node_modules lacks patches/${
      patch.pathname.split("/").pop()
    } (a dropped database connection would crash the process). ` +
      "Run `deno task install`.",
  );
}
