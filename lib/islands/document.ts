import type { VNode } from "preact";
import { renderWithIslands } from "./render.tsx";
import { injectIslandTags } from "./assets.ts";

/**
 * Renders a full page component to an HTML document string, with the
 * scripts of exactly the islands it rendered (none ⇒ no `<script>` at all).
 * Islands are whatever the app registered (`registerIslands`, which
 * createApp calls with islands.gen.ts); unregistered ones render as plain
 * markup.
 */
export function renderDocument(page: VNode): string {
  const rendered = renderWithIslands(page);
  return `<!DOCTYPE html>${injectIslandTags(rendered.html, rendered.islands)}`;
}

/**
 * Renders a part of a page (no document, no scripts): what a page fetches
 * to swap in for an updated part (islands/LiveFragment.tsx). An island
 * inside it would not hydrate, so a fragment must have none.
 * @throws {Error} when the part rendered an island.
 */
export function renderFragment(part: VNode): string {
  const rendered = renderWithIslands(part);
  if (rendered.islands.length) {
    throw new Error("a fragment cannot contain islands");
  }
  return rendered.html;
}
