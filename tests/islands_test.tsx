import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import EchoIsland, { OuterIsland } from "./fixtures/EchoIsland.tsx";
import { registerIslands, renderWithIslands } from "../lib/islands/render.tsx";
import {
  type AssetManifest,
  BUILD_DIR,
  injectIslandTags,
  loadAssetManifest,
} from "../lib/islands/assets.ts";
import {
  IslandPropsError,
  serializeIslandProps,
} from "../lib/islands/serialize.ts";
import {
  bundlesFor,
  inputsFingerprint,
  ISLAND_MANIFEST_FILE,
  listIslands,
  renderIslandManifest,
} from "../lib/islands/build.ts";
import { renderDocument } from "../lib/islands/document.ts";
import Layout from "../components/Layout.tsx";
import SeatMap, { type SeatMapProps } from "../islands/SeatMap.tsx";
import BookingPanel from "../islands/BookingPanel.tsx";
import { islands } from "../islands.gen.ts";

// What createApp does for the app (islands.gen.ts), plus the test fixtures.
registerIslands({ ...islands, EchoIsland, OuterIsland });

const HOSTILE = "</script><script>alert(1)</script><!-- \u2028 & >";

/** What the browser half does: the JSON text of the props script in a marker. */
function propsInMarker(html: string, name: string): unknown {
  const match = new RegExp(
    `<busbook-island data-island="${name}"><script type="application/json">(.*?)</script>`,
  ).exec(html);
  assert.ok(match, `no marker for ${name} in ${html}`);
  return JSON.parse(match[1]);
}

Deno.test("serialized props cannot close the script element or open a comment", () => {
  const json = serializeIslandProps({ name: HOSTILE });
  assert.doesNotMatch(json, /<|>|&|\u2028/);
  assert.deepEqual(JSON.parse(json), { name: HOSTILE });
});

Deno.test("island props must be plain JSON", () => {
  assert.throws(
    () => serializeIslandProps({ when: new Date() }),
    (error: Error) =>
      error instanceof IslandPropsError &&
      /props\.when is Date/.test(error.message),
  );
  assert.throws(() => serializeIslandProps({ f: () => 1 }), IslandPropsError);
  assert.throws(
    () => serializeIslandProps({ list: [1, Number.NaN] }),
    /props\.list\[1\] is NaN/,
  );
  assert.throws(() => serializeIslandProps({ child: <b /> }), IslandPropsError);
  assert.doesNotThrow(() =>
    serializeIslandProps({ a: [1, "x", null, { b: true }], skipped: undefined })
  );
});

Deno.test("an island renders inside a marker that carries its name and props", () => {
  const { html, islands } = renderWithIslands(
    <main>
      <EchoIsland label={HOSTILE} />
    </main>,
  );
  assert.deepEqual(islands, ["EchoIsland"]);
  assert.deepEqual(propsInMarker(html, "EchoIsland"), { label: HOSTILE });
  // The visible text is escaped by the renderer, and nothing in the page
  // starts a script other than the one JSON props element.
  assert.match(html, /<p class="echo">&lt;\/script>&lt;script>alert\(1\)/);
  assert.equal(html.match(/<script/g)?.length, 1);
  assert.doesNotMatch(html, /<!--/);
});

Deno.test("a page without islands collects none", () => {
  const { html, islands } = renderWithIslands(<p>plain</p>);
  assert.deepEqual(islands, []);
  assert.equal(html, "<p>plain</p>");
});

Deno.test("an island inside an island hydrates with its parent, not on its own", () => {
  const { html, islands } = renderWithIslands(<OuterIsland label="x" />);
  assert.deepEqual(islands, ["OuterIsland"]);
  assert.equal(html.match(/<busbook-island/g)?.length, 1);
  assert.match(html, /<p class="echo">inner x<\/p>/);
});

Deno.test("the same island twice gets two markers and one script", () => {
  const assets: AssetManifest = {
    fingerprint: "test",
    css: "/static/build/styles-x.css",
    islands: {
      EchoIsland: {
        src: "/static/build/EchoIsland-1.js",
        imports: ["/static/build/chunk-A.js"],
      },
      OuterIsland: {
        src: "/static/build/OuterIsland-2.js",
        imports: ["/static/build/chunk-A.js"],
      },
    },
    files: [],
  };
  const { html, islands } = renderWithIslands(
    <html>
      <head>
        <title>t</title>
      </head>
      <body>
        <EchoIsland label="a" />
        <EchoIsland label="b" />
        <OuterIsland label="c" />
      </body>
    </html>,
  );
  const page = injectIslandTags(html, islands, assets);
  assert.equal(page.match(/<busbook-island/g)?.length, 3);
  const head = page.slice(0, page.indexOf("</head>"));
  assert.deepEqual(
    [...head.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]),
    ["/static/build/EchoIsland-1.js", "/static/build/OuterIsland-2.js"],
  );
  assert.deepEqual(
    [...head.matchAll(/rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]),
    ["/static/build/chunk-A.js"],
  );
  assert.equal(injectIslandTags("<head></head>", [], assets), "<head></head>");
});

// Seats of a 2+2 coach, front row (the map draws their places).
const place = (column: number) => ({
  deck: 1,
  row: 1,
  column,
  kind: "seat" as const,
  price: 10,
  priceClass: null,
});

const seatMapProps: SeatMapProps = {
  tripId: 1,
  seats: [
    { ...place(1), id: 11, seatNumber: 1, status: "AVAILABLE" },
    { ...place(2), id: 12, seatNumber: 2, status: "BOOKED" },
  ],
  maxSeats: 10,
  formAction: "/bookings",
  idempotencyKey: "k",
  open: true,
};

Deno.test("a page gets the built scripts of exactly the islands it rendered", () => {
  const assets = loadAssetManifest();
  assert.ok(assets, "run through `deno task test`, which builds the assets");
  const withMap = renderDocument(
    <Layout title="t">
      <SeatMap {...seatMapProps} />
    </Layout>,
  );
  const scripts = [...withMap.matchAll(/<script type="module" src="([^"]+)"/g)]
    .map((m) => m[1]);
  assert.deepEqual(scripts, [assets.islands.SeatMap.src]);
  for (const chunk of assets.islands.SeatMap.imports) {
    assert.ok(withMap.includes(`<link rel="modulepreload" href="${chunk}">`));
  }
  assert.ok(withMap.includes(`<link rel="stylesheet" href="${assets.css}"/>`));

  const both = renderDocument(
    <Layout title="t">
      <SeatMap {...seatMapProps} />
      <BookingPanel
        tripId={1}
        priceCents={100}
        signedIn
        loginUrl="/login"
        open
      />
    </Layout>,
  );
  // The seat map and booking panel ship as one bundle (ISLAND_BUNDLES).
  assert.equal(assets.islands.BookingPanel.src, assets.islands.SeatMap.src);
  assert.deepEqual(
    [...both.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]),
    [assets.islands.SeatMap.src],
  );

  const none = renderDocument(<Layout title="t">no islands</Layout>);
  assert.doesNotMatch(none, /<script/);
});

Deno.test("islands.gen.ts lists exactly the islands in islands/ (run `deno task build`)", async () => {
  const expected = renderIslandManifest(await listIslands());
  assert.equal(await Deno.readTextFile(ISLAND_MANIFEST_FILE), expected);
});

Deno.test("the built assets are current for the sources", async () => {
  const assets = loadAssetManifest();
  assert.equal(assets?.fingerprint, await inputsFingerprint());
  assert.deepEqual(Object.keys(assets.islands).sort(), await listIslands());
  for (const file of assets.files) {
    await Deno.stat(new URL(file, BUILD_DIR));
  }
});

Deno.test("islands named in a bundle share it; every other island is alone", () => {
  assert.deepEqual(
    [...bundlesFor(["BookingPanel", "PrintButton", "SeatMap"])],
    [["TripSeats", ["SeatMap", "BookingPanel"]], ["PrintButton", [
      "PrintButton",
    ]]],
  );
  // A bundle whose islands are all gone is not built.
  assert.deepEqual([...bundlesFor(["PrintButton"])], [["PrintButton", [
    "PrintButton",
  ]]]);
});

Deno.test("the seat page ships at most 12 KB of gzipped JavaScript", async () => {
  const assets = loadAssetManifest()!;
  const urls = new Set<string>();
  for (const name of ["SeatMap", "BookingPanel"]) {
    urls.add(assets.islands[name].src);
    assets.islands[name].imports.forEach((url) => urls.add(url));
  }
  let total = 0;
  for (const url of urls) {
    const file = url.replace("/static/build/", "");
    total += gzipSync(await Deno.readFile(new URL(file, BUILD_DIR))).length;
  }
  assert.ok(total <= 12 * 1024, `seat page JS is ${total} bytes gzipped`);
});
