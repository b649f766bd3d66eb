import type { VNode } from "preact";
import { islands } from "../../islands.gen.ts";
import { registerIslands, renderWithIslands } from "./render.tsx";
import { injectIslandTags } from "./assets.ts";

registerIslands(islands);

/**
 * Renders a full page component to an HTML document string, with the
 * scripts of exactly the islands it rendered (none ⇒ no `<script>` at all).
 */
export function renderDocument(page: VNode): string {
  const rendered = renderWithIslands(page);
  return `<!DOCTYPE html>${injectIslandTags(rendered.html, rendered.islands)}`;
}
