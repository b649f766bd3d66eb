// TRUST_PROXY=true: the client is the last X-Forwarded-For entry, the
// origin and scheme come from X-Forwarded-Proto/-Host.
import assert from "node:assert/strict";
import { dbTest } from "./support/db.ts";
import { runFixture } from "./support/processes.ts";

dbTest(
  "behind a trusted proxy: per-client limits, Secure cookie, CSRF against the public origin",
  async () => {
    const { result } = await runFixture("behind_proxy.ts", {
      TRUST_PROXY: "true",
    });
    const statuses = result.spoofed as number[];
    assert.equal(statuses.at(-1), 429, "forged left-hand entries do not evade");
    assert.ok(statuses.slice(0, -1).every((s) => s === 401), `${statuses}`);
    assert.equal(result.otherClient, 401, "clients behind one proxy are apart");
    assert.equal(result.secureCookie, true);
    assert.equal(result.publicOriginLogout, 204);
    assert.equal(result.internalOriginLogout, 403);
  },
);
