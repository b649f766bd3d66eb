// The asset manifest (static/build/manifest.json, written by build.ts) maps
// each island to its hashed bundle and the shared chunks it imports, and
// names the hashed stylesheet. Pages read it to emit exactly the tags they
// need; the /static route reads it to know which files exist.

/** One island's bundle: its entry module and the chunks that entry imports. */
export interface IslandAsset {
  src: string;
  imports: string[];
}

/** What `deno task build` produced, by public URL. */
export interface AssetManifest {
  /** Fingerprint of the inputs; a different one means the build is stale. */
  fingerprint: string;
  css: string;
  islands: Record<string, IslandAsset>;
  /** File names under static/build/ that may be served. */
  files: string[];
}

export const BUILD_DIR = new URL("../../static/build/", import.meta.url);
export const ASSET_MANIFEST_FILE = new URL("manifest.json", BUILD_DIR);
export const BUILD_URL_PREFIX = "/static/build/";

let cached: AssetManifest | null | undefined;
let warned = false;

/**
 * The asset manifest of this process, read once. Null (with one warning)
 * when nothing was built yet: pages still render, without styles and JS.
 */
export function loadAssetManifest(): AssetManifest | null {
  if (cached !== undefined) return cached;
  try {
    cached = JSON.parse(Deno.readTextFileSync(ASSET_MANIFEST_FILE));
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    if (!warned) {
      console.warn("No static/build/manifest.json: run `deno task build`.");
      warned = true;
    }
    cached = null;
  }
  return cached ?? null;
}

/** Forgets the cached manifest (after a build in the same process). */
export function reloadAssetManifest(): void {
  cached = undefined;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(
    /</g,
    "&lt;",
  );
}

/**
 * The `<link rel="modulepreload">` tags for the shared chunks and one
 * `<script type="module">` per island, for the islands a page rendered.
 * No islands, no tags.
 */
export function islandTags(
  islands: readonly string[],
  assets: AssetManifest | null,
): string {
  if (!assets || islands.length === 0) return "";
  const chunks = new Set<string>();
  // Islands bundled together (build.ts) share one script.
  const scripts = new Set<string>();
  for (const name of islands) {
    const asset = assets.islands[name];
    if (!asset) {
      console.warn(
        `Island ${name} is not in the build: run \`deno task build\`.`,
      );
      continue;
    }
    asset.imports.forEach((chunk) => chunks.add(chunk));
    scripts.add(asset.src);
  }
  return [
    ...[...chunks].map((href) =>
      `<link rel="modulepreload" href="${escapeAttribute(href)}">`
    ),
    ...[...scripts].map((src) =>
      `<script type="module" src="${escapeAttribute(src)}"></script>`
    ),
  ].join("");
}

/**
 * Puts the island tags at the end of `<head>`. Module scripts run after
 * parsing anyway; in the head they start downloading early. User text on
 * the page is escaped, so the first `</head>` is the real one.
 */
export function injectIslandTags(
  html: string,
  islands: readonly string[],
  assets: AssetManifest | null = loadAssetManifest(),
): string {
  const tags = islandTags(islands, assets);
  if (!tags) return html;
  const at = html.indexOf("</head>");
  return at === -1 ? tags + html : html.slice(0, at) + tags + html.slice(at);
}
