// GET /healthz: liveness. 200 while the process answers, whatever the
// database does — restarting a healthy process would not bring PostgreSQL
// back. `database` is for people; load balancers use /readyz.
import { z } from "zod";
import type { Handlers } from "../lib/http/router.ts";
import type { RouteDocs } from "../lib/http/openapi.ts";
import { databaseAnswers } from "../lib/http/readiness.ts";

export const handler: Handlers = {
  async GET(c) {
    c.header("Cache-Control", "no-store");
    return c.json({ status: "ok", database: await databaseAnswers() });
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "liveness",
    summary: "Liveness: the process answers",
    description:
      "Always 200 while the process runs. `database` tells whether " +
      "PostgreSQL answered within a second, for people; use /readyz to " +
      "route traffic.",
    tags: ["Operations"],
    audience: "public",
    responses: {
      200: {
        description: "Alive",
        body: z.strictObject({
          status: z.literal("ok"),
          database: z.boolean(),
        }),
      },
    },
  },
};
