import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/** Renders a full page component to an HTML document string. */
export function renderDocument(page: VNode): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}
