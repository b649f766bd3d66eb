// GET /readyz: readiness, for load balancers. 200 while PostgreSQL
// answers, 503 when it does not or the instance is shutting down; reports
// Redis, the read replicas and the primary's standbys either way.
import { z } from "zod";
import type { Handlers } from "../lib/http/router.ts";
import type { RouteDocs } from "../lib/http/openapi.ts";
import { checkReadiness } from "../lib/http/readiness.ts";

export const handler: Handlers = {
  async GET(c) {
    const state = await checkReadiness();
    c.header("Cache-Control", "no-store");
    if (!state.ready) c.header("Retry-After", "1");
    return c.json({
      status: state.ready ? "ready" : "unavailable",
      draining: state.draining,
      database: state.database,
      redis: state.redis,
      replicas: state.replicas,
      standbys: state.standbys,
    }, state.ready ? 200 : 503);
  },
};

const ReadinessBody = z.strictObject({
  status: z.enum(["ready", "unavailable"]),
  draining: z.boolean().meta({
    description: "Shutting down: finish, send no more",
  }),
  database: z.strictObject({
    up: z.boolean(),
    latencyMs: z.number().nonnegative().nullable(),
  }),
  redis: z.enum(["up", "down", "not_configured"]).meta({
    description: "Down is not unready: reads fall back to PostgreSQL",
  }),
  replicas: z.array(z.strictObject({
    name: z.string().meta({ description: "host:port" }),
    up: z.boolean().meta({
      description:
        "False while skipped: down, not a standby, or too far behind",
    }),
    lagMs: z.number().nullable(),
  })).meta({
    description:
      "The read replicas (DATABASE_REPLICA_URLS) as this instance sees them",
  }),
  standbys: z.array(z.strictObject({
    name: z.string(),
    state: z.string(),
    sync: z.string(),
    lagSeconds: z.number().nullable(),
  })).meta({ description: "The primary's standbys (pg_stat_replication)" }),
}).meta({ id: "Readiness" });

export const openapi: RouteDocs = {
  GET: {
    operationId: "readiness",
    summary: "Readiness: send traffic here?",
    tags: ["Operations"],
    audience: "public",
    responses: {
      200: { description: "Ready", body: ReadinessBody },
      503: {
        description: "Not ready: PostgreSQL does not answer, or draining",
        body: ReadinessBody,
        headers: { "Retry-After": "Seconds before asking again" },
      },
    },
  },
};
