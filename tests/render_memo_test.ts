import assert from "node:assert/strict";
import { RenderMemo } from "../lib/render_memo.ts";

Deno.test("RenderMemo renders again exactly when the input changes", () => {
  const memo = new RenderMemo();
  let renders = 0;
  const page = (input: string) =>
    memo.render("trip:1", input, () => `<p>${input} #${++renders}</p>`);
  assert.equal(page("a"), "<p>a #1</p>");
  assert.equal(page("a"), "<p>a #1</p>");
  assert.equal(page("b"), "<p>b #2</p>");
  assert.equal(page("a"), "<p>a #3</p>");
  assert.equal(renders, 3);
});

Deno.test("RenderMemo forgets the least recently used key beyond its bound", () => {
  const memo = new RenderMemo(2);
  let renders = 0;
  const render = () => String(++renders);
  memo.render("a", "x", render);
  memo.render("b", "x", render);
  memo.render("a", "x", render); // a is now the most recent
  memo.render("c", "x", render); // evicts b
  assert.equal(memo.size, 2);
  assert.equal(memo.render("a", "x", render), "1");
  assert.equal(memo.render("b", "x", render), "4");
});
