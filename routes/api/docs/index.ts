// GET /api/docs: the API reference (Swagger UI over /api/openapi.json),
// with its files served by Busbook itself (lib/http/openapi_docs.ts).
import { z } from "zod";
import type { Handlers } from "../../../lib/http/router.ts";
import type { RouteDocs } from "../../../lib/http/openapi.ts";
import { DOCS_PAGE } from "../../../lib/http/openapi_docs.ts";

export const handler: Handlers = {
  GET(c) {
    return c.html(DOCS_PAGE);
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "apiReference",
    summary: "This API's reference page (HTML)",
    tags: ["Meta"],
    audience: "public",
    responses: {
      200: {
        description: "The page",
        contentType: "text/html",
        body: z.string(),
      },
    },
  },
};
