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
