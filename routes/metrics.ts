// GET /metrics on the public port: Prometheus's text format, only for a
// scraper holding METRICS_TOKEN (otherwise a 404, as if it were not there).
// METRICS_PORT serves the same on a port of its own (main.ts).
import { z } from "zod";
import type { Handlers } from "../lib/http/router.ts";
import { errorResponse, type RouteDocs } from "../lib/http/openapi.ts";
import { env } from "../lib/env.ts";
import { metricsAllowed, metricsResponse } from "../lib/metrics/endpoint.ts";

export const handler: Handlers = {
  // JSON errors, as under /api: a scraper is a program, not a person.
  GET(c) {
    if (env.METRICS_TOKEN === undefined) {
      return c.json(
        { error: { code: "NOT_FOUND", message: "Not found" } },
        404,
      );
    }
    if (!metricsAllowed(c.req.header("authorization"), env.METRICS_TOKEN)) {
      c.header("WWW-Authenticate", "Bearer");
      return c.json({
        error: {
          code: "UNAUTHORIZED",
          message: "Send the metrics token as a Bearer token",
        },
      }, 401);
    }
    return metricsResponse();
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "metrics",
    summary: "Prometheus metrics",
    description:
      "Requires `Authorization: Bearer <METRICS_TOKEN>`; answers 404 when " +
      "no token is configured. METRICS_PORT serves the same on its own port.",
    tags: ["Operations"],
    audience: "public",
    responses: {
      200: {
        description: "The metrics, Prometheus text format 0.0.4",
        contentType: "text/plain",
        body: z.string(),
      },
      401: errorResponse(401, "`UNAUTHORIZED`: missing or wrong token"),
      404: errorResponse(404, "`NOT_FOUND`: METRICS_TOKEN is not set"),
    },
  },
};
