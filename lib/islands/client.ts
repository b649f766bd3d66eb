// Browser half of the islands layer. Each island's bundle entry (generated
// by build.ts) is two lines: import the island, call `hydrateIslands` with
// its name. Nothing here may import server code.
import { type ComponentType, h, hydrate } from "preact";

/**
 * Hydrates every marker of the named island on this page with the props
 * the server embedded in it.
 */
export function hydrateIslands(
  name: string,
  // deno-lint-ignore no-explicit-any
  Island: ComponentType<any>,
): void {
  const markers = document.querySelectorAll<HTMLElement>(
    `busbook-island[data-island="${name}"]`,
  );
  for (const marker of markers) {
    const script = marker.querySelector<HTMLScriptElement>(
      ':scope > script[type="application/json"]',
    );
    const props = script ? JSON.parse(script.textContent ?? "{}") : {};
    // The props script is not part of the island's own markup; remove it
    // so the DOM matches what the component renders.
    script?.remove();
    hydrate(h(Island, props), marker);
  }
}
