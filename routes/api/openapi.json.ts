// GET /api/openapi.json: the API described (OpenAPI 3.1), generated from
// the zod schemas every route validates with (lib/http/openapi.ts).
import { z } from "zod";
import type { Handlers } from "../../lib/http/router.ts";
import { openApiDocument, type RouteDocs } from "../../lib/http/openapi.ts";

export const handler: Handlers = {
  GET(c) {
    c.header("Cache-Control", "no-cache");
    return c.json(openApiDocument());
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "openApiDocument",
    summary: "This document",
    tags: ["Meta"],
    audience: "public",
    responses: {
      200: {
        description: "The OpenAPI 3.1 document",
        body: z.looseObject({ openapi: z.string(), paths: z.looseObject({}) }),
      },
    },
  },
};
