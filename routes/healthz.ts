// GET /healthz: 200 while the database answers, 503 when it does not.
import type { Handlers } from "../lib/http/router.ts";
import { pingDb } from "../lib/db/pool.ts";

export const handler: Handlers = {
  async GET(c) {
    const database = await pingDb();
    return c.json(
      { status: database ? "ok" : "unavailable", database },
      database ? 200 : 503,
    );
  },
};
