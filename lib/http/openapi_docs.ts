// The API reference page at /api/docs: Swagger UI (npm swagger-ui-dist,
// pinned in deno.json) reading /api/openapi.json. Every file it needs is
// served by Busbook from the installed package — no CDN — and the start-up
// script is a file too, not an inline <script>, so the strict CSP of
// lib/http/security_headers.ts holds on this page as on every other.
import { gzipSync } from "node:zlib";
import { NotFoundError } from "./errors.ts";

const DIST = new URL("./", import.meta.resolve("swagger-ui-dist"));
const SWAGGER_VERSION = "5.35.0";

const START_SCRIPT = `window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // No call to the public validator: the CSP would refuse it anyway.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
`;

/** A file the reference page loads, by the name it has under /api/docs/. */
interface DocsAsset {
  contentType: string;
  load: () => Promise<Uint8Array<ArrayBuffer>>;
}

const fromDist = (file: string) => () => Deno.readFile(new URL(file, DIST));

const IMAGE_TYPES: Record<string, string> = {
  "image/svg+xml": "svg",
  "image/png": "png",
  "image/jpeg": "jpg",
};

/** The stylesheet with its inline images moved out, and those images. */
interface SplitStylesheet {
  css: string;
  images: Map<string, { contentType: string; bytes: Uint8Array<ArrayBuffer> }>;
}

// url("data:…") with CSS escapes inside the quotes, or url(data:…) bare.
const DATA_URL = /url\((?:"((?:[^"\\]|\\.)*)"|(data:[^)"']*))\)/g;

function decodeDataUrl(
  url: string,
): { contentType: string; bytes: Uint8Array<ArrayBuffer> } | undefined {
  const comma = url.indexOf(",");
  const [type, ...params] = url.slice(5, comma).split(";");
  if (!url.startsWith("data:") || comma < 0 || !IMAGE_TYPES[type]) {
    return undefined;
  }
  const payload = url.slice(comma + 1);
  if (params.includes("base64")) {
    return {
      contentType: type,
      bytes: Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)),
    };
  }
  const text = payload.replace(
    /%([0-9a-f]{2})/gi,
    (_, hex) => String.fromCharCode(parseInt(hex, 16)),
  );
  return { contentType: type, bytes: new TextEncoder().encode(text) };
}

/**
 * Swagger UI's stylesheet draws its icons from `data:` URLs, which the
 * CSP's `img-src 'self'` refuses. Rather than loosen the policy, each one
 * becomes a file of ours (/api/docs/img-N.svg) and the stylesheet points
 * there.
 */
export function splitStylesheet(source: string): SplitStylesheet {
  const images: SplitStylesheet["images"] = new Map();
  const css = source.replace(DATA_URL, (whole, quoted, bare) => {
    const url = quoted !== undefined ? quoted.replace(/\\(.)/g, "$1") : bare;
    const image = decodeDataUrl(url);
    if (!image) return whole;
    const name = `img-${images.size}.${IMAGE_TYPES[image.contentType]}`;
    images.set(name, image);
    return `url("/api/docs/${name}?v=${SWAGGER_VERSION}")`;
  });
  return { css, images };
}

let stylesheet: Promise<SplitStylesheet> | undefined;

function loadStylesheet(): Promise<SplitStylesheet> {
  stylesheet ??= Deno.readTextFile(new URL("swagger-ui.css", DIST))
    .then(splitStylesheet);
  stylesheet.catch(() => stylesheet = undefined);
  return stylesheet;
}

const ASSETS: Record<string, DocsAsset> = {
  "swagger-ui.css": {
    contentType: "text/css; charset=utf-8",
    load: async () => new TextEncoder().encode((await loadStylesheet()).css),
  },
  "swagger-ui-bundle.js": {
    contentType: "text/javascript; charset=utf-8",
    load: fromDist("swagger-ui-bundle.js"),
  },
  "start.js": {
    contentType: "text/javascript; charset=utf-8",
    load: () => Promise.resolve(new TextEncoder().encode(START_SCRIPT)),
  },
};

/** The reference page's HTML (its assets carry the Swagger UI version). */
export const DOCS_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Busbook API reference</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/api/docs/swagger-ui.css?v=${SWAGGER_VERSION}">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js?v=${SWAGGER_VERSION}"></script>
<script src="/api/docs/start.js?v=${SWAGGER_VERSION}"></script>
</body>
</html>
`;

export interface LoadedAsset {
  contentType: string;
  plain: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}

const loaded = new Map<string, Promise<LoadedAsset>>();

function imageAsset(name: string): DocsAsset {
  return {
    contentType: `image/${
      name.endsWith(".svg") ? "svg+xml" : name.endsWith(".png") ? "png" : "jpeg"
    }`,
    load: async () => {
      const image = (await loadStylesheet()).images.get(name);
      if (!image) throw new NotFoundError("No such file");
      return image.bytes;
    },
  };
}

/**
 * A file of the reference page, read and gzipped once, or undefined for a
 * name that is not one of them (no path from the URL reaches the disk).
 */
export function docsAsset(name: string): Promise<LoadedAsset> | undefined {
  const asset = Object.hasOwn(ASSETS, name)
    ? ASSETS[name]
    : /^img-\d+\.(svg|png|jpg)$/.test(name)
    ? imageAsset(name)
    : undefined;
  if (!asset) return undefined;
  let found = loaded.get(name);
  if (!found) {
    found = asset.load().then((plain) => ({
      contentType: asset.contentType,
      plain,
      gzip: new Uint8Array(gzipSync(plain, { level: 9 })),
    }));
    found.catch(() => loaded.delete(name));
    loaded.set(name, found);
  }
  return found;
}
