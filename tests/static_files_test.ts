import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { app } from "../main.ts";
import { loadAssetManifest } from "../lib/islands/assets.ts";

Deno.test("built files are served with a year-long immutable cache", async () => {
  const assets = loadAssetManifest()!;
  const chunk = assets.islands.SeatMap.imports[0];
  for (
    const [url, type] of [[chunk, /text\/javascript/], [
      assets.css,
      /text\/css/,
    ]] as const
  ) {
    const res = await app.request(url);
    assert.equal(res.status, 200, url);
    assert.match(res.headers.get("content-type") ?? "", type);
    assert.equal(
      res.headers.get("cache-control"),
      "public, max-age=31536000, immutable",
    );
    assert.ok((await res.arrayBuffer()).byteLength > 0);
  }
});

Deno.test("only files of the current build are served", async () => {
  for (
    const path of [
      "/static/build/manifest.json",
      "/static/build/chunk-NOPE.js",
      "/static/build/..%2F..%2Fdeno.json",
      "/static/build/.entries/SeatMap.ts",
      "/static/deno.json",
    ]
  ) {
    const res = await app.request(path);
    assert.equal(res.status, 404, path);
    await res.body?.cancel();
  }
});

Deno.test("built files go out gzipped to browsers that accept it", async () => {
  const assets = loadAssetManifest()!;
  const plain = new Uint8Array(
    await (await app.request(assets.css)).arrayBuffer(),
  );
  const res = await app.request(assets.css, {
    headers: { "accept-encoding": "gzip, deflate, br" },
  });
  assert.equal(res.headers.get("content-encoding"), "gzip");
  const zipped = new Uint8Array(await res.arrayBuffer());
  assert.ok(zipped.length < plain.length / 3);
  assert.deepEqual(new Uint8Array(gunzipSync(zipped)), plain);
});
