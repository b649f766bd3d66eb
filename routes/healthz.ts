import { Hono } from "hono";
import type { AppEnv } from "../lib/http/context.ts";
import { pingDb } from "../lib/db/pool.ts";

const healthz = new Hono<AppEnv>();

healthz.get("/", async (c) => {
  const database = await pingDb();
  return c.json(
    { status: database ? "ok" : "unavailable", database },
    database ? 200 : 503,
  );
});

export default healthz;
