import { Hono } from "hono";
import type { AppEnv } from "../lib/context.ts";
import { NotFoundError } from "../lib/errors.ts";
import { BUILD_DIR, loadAssetManifest } from "../lib/islands/assets.ts";

// Serves the built, content-hashed files under /static/build/. Only names
// listed in the asset manifest are served (no path from the URL reaches the
// file system), and since a name changes whenever its content does, browsers
// may keep each file forever.
const staticFiles = new Hono<AppEnv>();

const contentTypes: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};
const loaded = new Map<string, Uint8Array<ArrayBuffer>>();

staticFiles.get("/build/:file", async (c) => {
  const file = c.req.param("file");
  const type = contentTypes[file.split(".").pop() ?? ""];
  if (!type || !loadAssetManifest()?.files.includes(file)) {
    throw new NotFoundError("No such file");
  }
  let body = loaded.get(file);
  if (!body) {
    body = await Deno.readFile(new URL(file, BUILD_DIR));
    loaded.set(file, body);
  }
  return c.body(body, 200, {
    "content-type": type,
    "cache-control": "public, max-age=31536000, immutable",
  });
});

export default staticFiles;
