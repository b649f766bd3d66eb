// GET /static/build/<file>: the built, content-hashed files. Only names
// listed in the asset manifest are served (no path from the URL reaches the
// file system), and since a name changes whenever its content does, browsers
// may keep each file forever. Files are read and gzipped once, then served
// from memory. Any other /static URL is not found.
import { gzipSync } from "node:zlib";
import type { Handlers } from "../../lib/http/router.ts";
import { NotFoundError } from "../../lib/http/errors.ts";
import { BUILD_DIR, loadAssetManifest } from "../../lib/islands/assets.ts";
import { acceptsGzip } from "../../lib/http/render_memo.ts";

const BUILT_FILE = /^\/static\/build\/([^/]+)$/;
const contentTypes: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};
interface LoadedFile {
  plain: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}
const loaded = new Map<string, LoadedFile>();

async function load(file: string): Promise<LoadedFile> {
  let found = loaded.get(file);
  if (!found) {
    const plain = await Deno.readFile(new URL(file, BUILD_DIR));
    found = { plain, gzip: new Uint8Array(gzipSync(plain, { level: 9 })) };
    loaded.set(file, found);
  }
  return found;
}

export const handler: Handlers = {
  async GET(c) {
    const file = BUILT_FILE.exec(c.req.path)?.[1];
    if (file === undefined) return c.notFound();
    const type = contentTypes[file.split(".").pop() ?? ""];
    if (!type || !loadAssetManifest()?.files.includes(file)) {
      throw new NotFoundError("No such file");
    }
    const { plain, gzip } = await load(file);
    const headers: Record<string, string> = {
      "content-type": type,
      "cache-control": "public, max-age=31536000, immutable",
      vary: "Accept-Encoding",
    };
    if (!acceptsGzip(c.req.header("accept-encoding"))) {
      return c.body(plain, 200, headers);
    }
    return c.body(gzip, 200, { ...headers, "content-encoding": "gzip" });
  },
};
