import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { acceptsGzip, RenderMemo } from "../lib/http/render_memo.ts";

Deno.test("RenderMemo renders again exactly when the input changes", async () => {
  const memo = new RenderMemo();
  let renders = 0;
  const page = async (input: string) =>
    (await memo.render("trip:1", input, () => ({
      html: `${input} #${++renders}`,
    }))).text;
  assert.equal(await page("a"), "a #1");
  assert.equal(await page("a"), "a #1");
  assert.equal(await page("b"), "b #2");
  assert.equal(await page("a"), "a #3");
  assert.equal(renders, 3);
});

Deno.test("RenderMemo renders again once the HTML went stale with time", async () => {
  const memo = new RenderMemo();
  let renders = 0;
  const page = async (now: number) =>
    (await memo.render("trip:1", "same", () => ({
      html: `#${++renders}`,
      staleAt: 1000,
    }), now)).text;
  assert.equal(await page(500), "#1");
  assert.equal(await page(999), "#1");
  assert.equal(await page(1000), "#2");
});

Deno.test("RenderMemo forgets the least recently used key beyond its bound", async () => {
  const memo = new RenderMemo(2);
  let renders = 0;
  const render = () => ({ html: String(++renders) });
  await memo.render("a", "x", render);
  await memo.render("b", "x", render);
  await memo.render("a", "x", render); // a is now the most recent
  await memo.render("c", "x", render); // evicts b
  assert.equal(memo.size, 2);
  assert.equal((await memo.render("a", "x", render)).text, "1");
  assert.equal((await memo.render("b", "x", render)).text, "4");
});

Deno.test("a remembered page is gzipped once and unzips to its HTML", async () => {
  const memo = new RenderMemo();
  const page = await memo.render("k", "x", () => ({ html: "<p>héllo</p>" }));
  assert.equal(page.gzip(), page.gzip());
  assert.equal(new TextDecoder().decode(gunzipSync(page.gzip())), page.text);
});

Deno.test("acceptsGzip reads Accept-Encoding with q-values", () => {
  assert.equal(acceptsGzip("gzip, deflate, br, zstd"), true);
  assert.equal(acceptsGzip("br;q=1.0, gzip;q=0.8"), true);
  assert.equal(acceptsGzip("gzip;q=0"), false);
  assert.equal(acceptsGzip("*"), true);
  assert.equal(acceptsGzip("*;q=0"), false);
  assert.equal(acceptsGzip("identity"), false);
  assert.equal(acceptsGzip(undefined), false);
});

Deno.test("RenderMemo.remember keeps one body per key until its text changes", () => {
  const memo = new RenderMemo(2);
  const first = memo.remember("trip:1", '{"a":1}');
  first.gzip();
  assert.equal(
    memo.remember("trip:1", '{"a":1}'),
    first,
    "same text: same body",
  );
  const changed = memo.remember("trip:1", '{"a":2}');
  assert.notEqual(changed, first);
  assert.equal(changed.text, '{"a":2}');
  assert.notEqual(changed.etag(false), first.etag(false));
  memo.remember("trip:2", "x");
  memo.remember("trip:3", "y"); // evicts trip:1, the oldest
  assert.equal(memo.size, 2);
  assert.notEqual(memo.remember("trip:1", '{"a":2}'), changed);
});
