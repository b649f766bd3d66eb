// Server half of the islands layer (our small stand-in for Fresh).
//
// Routes render islands like any component: `<SeatMap {...props} />`. Every
// component listed in the generated manifest (islands.gen.ts) is swapped,
// at VNode creation, for a wrapper that renders it inside a marker element
//
//   <busbook-island data-island="SeatMap">
//     <script type="application/json">{…props…}</script>…its HTML…
//   </busbook-island>
//
// and records its name, so `renderWithIslands` can tell the page which
// island bundles to load. The browser half (client.ts) finds the markers,
// reads the props and hydrates. An island rendered inside another island is
// plain markup of its parent: only the outermost one hydrates.
import { type ComponentType, h, options, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { serializeIslandProps } from "./serialize.ts";

/** Name of the marker element wrapping each island's server HTML. */
export const ISLAND_TAG = "busbook-island";

// deno-lint-ignore no-explicit-any
type AnyComponent = ComponentType<any>;

const wrappers = new Map<AnyComponent, AnyComponent>();
let renderedIslands: Set<string> | null = null;
let islandDepth = 0;

function islandWrapper(name: string, Island: AnyComponent): AnyComponent {
  function IslandMarker(props: Record<string, unknown>) {
    renderedIslands?.add(name);
    const json = serializeIslandProps(props);
    islandDepth++;
    let inner: string;
    try {
      // Rendered to a string here (not as a child VNode) so that islands
      // nested inside it are known to be nested and are not wrapped again.
      inner = renderToString(h(Island, props));
    } finally {
      islandDepth--;
    }
    return h(ISLAND_TAG, {
      "data-island": name,
      dangerouslySetInnerHTML: {
        __html: `<script type="application/json">${json}</script>${inner}`,
      },
    });
  }
  IslandMarker.displayName = `Island(${name})`;
  return IslandMarker;
}

/**
 * Makes these components islands on the server: wherever one is rendered,
 * it gets a hydration marker with its props. Takes the generated manifest.
 */
export function registerIslands(manifest: Record<string, AnyComponent>): void {
  for (const [name, component] of Object.entries(manifest)) {
    wrappers.set(component, islandWrapper(name, component));
  }
}

const previousVnodeHook = options.vnode;
options.vnode = (vnode) => {
  if (islandDepth === 0 && typeof vnode.type === "function") {
    const wrapper = wrappers.get(vnode.type);
    if (wrapper) vnode.type = wrapper;
  }
  previousVnodeHook?.(vnode);
};

/** The HTML of a page and the islands it rendered, in document order. */
export interface RenderedPage {
  html: string;
  islands: string[];
}

/**
 * Renders a page to HTML and reports which islands it contains. Rendering
 * is synchronous, so one module-level collector cannot mix two requests.
 */
export function renderWithIslands(page: VNode): RenderedPage {
  const outer = renderedIslands;
  const collected = new Set<string>();
  renderedIslands = collected;
  try {
    const html = renderToString(page);
    return { html, islands: [...collected] };
  } finally {
    renderedIslands = outer;
  }
}
