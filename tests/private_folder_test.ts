// `deno task start` and `deno task test` from a fresh clone inside a 0700
// folder, as root (issue 15): root's own home is such a folder, and the
// embedded PostgreSQL — which runs as the `postgres` OS user, since
// PostgreSQL refuses root — failed with `spawn …/bin/initdb EPERM`. Now it
// runs from /var/lib/busbook/ and says so. Root only: as anyone else the
// embedded server runs as that user and the folder is no obstacle.
import assert from "node:assert/strict";
import { startAppProcess } from "./support/app_process.ts";
import { waitForPort } from "./support/processes.ts";
import { relocationHome } from "../lib/db/embedded_relocated.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const AS_ROOT = Deno.uid() === 0;
if (!AS_ROOT) {
  console.warn("\n⚠️  SKIPPING the private-folder test: it needs root.\n");
}

/** A clean environment: no DATABASE_URL, REDIS_URL or JWT_SECRET. */
function bareEnv(): Record<string, string> {
  const keep = ["PATH", "HOME", "DENO_DIR", "XDG_CACHE_HOME", "CI"];
  return Object.fromEntries([
    ...keep.flatMap((name) => {
      const value = Deno.env.get(name);
      return value === undefined ? [] : [[name, value]];
    }),
    ["NO_COLOR", "1"],
  ]);
}

Deno.test({
  name: "start and test work from a fresh clone in a 0700 folder, as root",
  ignore: !AS_ROOT,
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const folder = await Deno.makeTempDir({ prefix: "busbook-private-" });
    await Deno.chmod(folder, 0o700);
    const clone = `${folder}/busbook`;
    try {
      const cloned = await new Deno.Command("git", {
        args: ["clone", "--quiet", ROOT, clone],
        stdout: "null",
      }).output();
      assert.ok(cloned.success, "git clone");

      const app = await startAppProcess({
        cwd: clone,
        clearEnv: true,
        env: bareEnv(),
        timeoutMs: 300_000,
      });
      try {
        assert.match(
          app.output(),
          /cannot enter; the embedded PostgreSQL runs from \/var\/lib\/busbook/,
        );
        const res = await fetch(`${app.url}/api/trips`);
        assert.equal(res.status, 200);
        assert.ok((await res.json()).trips.length > 0, "demo trips seeded");
      } finally {
        await app.stop();
      }
      // Stopping the app stopped its database too.
      const { port } = JSON.parse(
        await Deno.readTextFile(`${clone}/.data/postgres/cluster.json`),
      );
      await waitForPort(port, false, 20_000);

      const tested = await new Deno.Command(Deno.execPath(), {
        args: ["task", "test", "tests/migrate_test.ts"],
        cwd: clone,
        clearEnv: true,
        env: bareEnv(),
        stdin: "null",
      }).output();
      const output = new TextDecoder().decode(tested.stdout) +
        new TextDecoder().decode(tested.stderr);
      assert.equal(tested.code, 0, output.slice(-3000));
      assert.match(output, /ok \| \d+ passed \| 0 failed/);
    } finally {
      await Deno.remove(folder, { recursive: true });
      for (const data of ["postgres", "test-postgres"]) {
        await Deno.remove(relocationHome(`${clone}/.data/${data}`), {
          recursive: true,
        }).catch(() => {});
      }
    }
  },
});
