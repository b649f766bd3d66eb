// The postgres.js patch (patches/postgres@3.4.9.patch) and the step that
// applies it (scripts/patch_packages.ts). The control is the same driver
// unpatched, installed from npm into a project of the test's own: there
// the fixture's dropped connections end the process, as they ended the app.
import assert from "node:assert/strict";
import {
  applyHunks,
  parsePatch,
  patchPackages,
} from "../scripts/patch_packages.ts";
import { PATCH_MARKER } from "../lib/db/driver_patch.ts";

const ROOT = new URL("../", import.meta.url);
const PATCH = new URL("patches/postgres@3.4.9.patch", ROOT);
const FIXTURE = new URL(
  "fixtures/dropped_connection_driver.ts",
  import.meta.url,
);
const PACKAGE = "node_modules/.deno/postgres@3.4.9/node_modules/postgres";

function serverUrl(): string {
  const url = new URL(Deno.env.get("BUSBOOK_TEST_DATABASE_SERVER")!);
  url.pathname = "/postgres";
  return url.href;
}

type Case = "rollback" | "types" | "rows" | "stale";
const CASES: Case[] = ["rollback", "types", "rows", "stale"];

async function runFixture(cwd: string, which: Case) {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "dropped_connection_driver.ts", serverUrl(), which],
    cwd,
    env: { NO_COLOR: "1" },
    stdin: "null",
  }).output();
  return {
    code,
    stdout: new TextDecoder().decode(stdout),
    stderr: new TextDecoder().decode(stderr),
  };
}

/** A project whose only dependency is npm:postgres@3.4.9, as npm ships it. */
async function projectWithPristineDriver(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "busbook-driver-" });
  await Deno.writeTextFile(
    `${dir}/deno.json`,
    JSON.stringify({
      nodeModulesDir: "auto",
      imports: { postgres: "npm:postgres@3.4.9" },
    }),
  );
  await Deno.copyFile(FIXTURE, `${dir}/dropped_connection_driver.ts`);
  const { success } = await new Deno.Command(Deno.execPath(), {
    args: ["install"],
    cwd: dir,
    stdout: "null",
    stderr: "null",
  }).output();
  assert.ok(success, "deno install in the control project");
  return dir;
}

Deno.test("a patch applies once, is then left alone, and refuses other text", () => {
  const [file] = parsePatch([
    "Text before the first file is a comment.",
    "--- a/src/x.js",
    "+++ b/src/x.js",
    "@@ -2,3 +2,4 @@",
    " two",
    "-three",
    "+THREE",
    "+three and a half",
    " four",
  ].join("\n"));
  assert.equal(file.path, "src/x.js");
  const original = "one\ntwo\nthree\nfour\nfive";
  const patched = applyHunks(original, file.hunks);
  assert.equal(patched, "one\ntwo\nTHREE\nthree and a half\nfour\nfive");
  assert.equal(applyHunks(patched!, file.hunks), patched);
  assert.equal(applyHunks("one\ntwo\n3\nfour", file.hunks), null);
});

Deno.test("dropped connections crash or poison the unpatched driver; patched, the process survives and the pool answers right", async () => {
  const dir = await projectWithPristineDriver();
  try {
    const installed = `${dir}/${PACKAGE}/src/connection.js`;
    const before = await Deno.readTextFile(installed);
    assert.ok(!before.includes(PATCH_MARKER));
    // node_modules files are hard links into Deno's npm cache; one more
    // link shows whether patching wrote through them.
    await Deno.link(installed, `${dir}/cache_link.js`);

    // Control: the driver as npm ships it.
    const rollback = await runFixture(dir, "rollback");
    assert.notEqual(rollback.code, 0, rollback.stdout);
    assert.match(rollback.stderr, /reading 'write'/);
    const types = await runFixture(dir, "types");
    assert.notEqual(types.code, 0, types.stdout);
    assert.match(types.stderr, /Uncaught \(in promise\).*ECONNRESET/);
    const rows = await runFixture(dir, "rows");
    assert.notEqual(rows.code, 0, rows.stdout);
    assert.match(rows.stderr, /the next query got 3 rows, 2 of them holes/);
    const stale = await runFixture(dir, "stale");
    assert.notEqual(stale.code, 0, stale.stdout);
    assert.match(stale.stderr, /failed with the old session's 57P01/);

    await Deno.mkdir(`${dir}/patches`);
    await Deno.copyFile(PATCH, `${dir}/patches/postgres@3.4.9.patch`);
    const root = new URL(`file://${dir}/`);
    assert.deepEqual(await patchPackages({ root }), [
      "postgres@3.4.9/src/connection.js",
    ]);
    assert.deepEqual(await patchPackages({ root }), [], "idempotent");

    for (const which of CASES) {
      const run = await runFixture(dir, which);
      assert.equal(run.code, 0, run.stderr);
      const result = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
      assert.equal(result.ok, true);
      assert.match(result.result, /pool answered 1/);
    }
    // The patched file replaced the link; Deno's npm cache kept the original.
    assert.equal(await Deno.readTextFile(`${dir}/cache_link.js`), before);
    assert.ok((await Deno.readTextFile(installed)).includes(PATCH_MARKER));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("this project's driver carries the patch and passes every case", async () => {
  const installed = await Deno.readTextFile(
    new URL(`${PACKAGE}/src/connection.js`, ROOT),
  );
  assert.ok(installed.includes(PATCH_MARKER));
  // Same fixture, resolved through this project's deno.json.
  for (const which of CASES) {
    const { code, stderr } = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        "--config",
        new URL("deno.json", ROOT).pathname,
        FIXTURE.pathname,
        serverUrl(),
        which,
      ],
      stdin: "null",
    }).output();
    assert.equal(code, 0, new TextDecoder().decode(stderr));
  }
});
