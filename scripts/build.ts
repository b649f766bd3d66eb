// `deno task build`: regenerates islands.gen.ts and routes.gen.ts and builds
// the island bundles and the stylesheet into static/build/ (see
// lib/islands/build.ts and lib/http/routes_manifest.ts).
import { buildAssets } from "../lib/islands/build.ts";

const started = performance.now();
const manifest = await buildAssets({
  regenerateManifest: true,
  log: console.log,
});
console.log(
  `Built ${
    Object.keys(manifest.islands).length
  } islands and ${manifest.css} in ${
    Math.round(performance.now() - started)
  } ms.`,
);
