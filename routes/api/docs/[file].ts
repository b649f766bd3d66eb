// GET /api/docs/:file: the reference page's scripts, stylesheet and the
// stylesheet's images, from the pinned swagger-ui-dist package; the
// version is in their URLs, so browsers may keep them.
import { z } from "zod";
import type { Handlers } from "../../../lib/http/router.ts";
import { errorResponse, type RouteDocs } from "../../../lib/http/openapi.ts";
import { NotFoundError } from "../../../lib/http/errors.ts";
import { docsAsset } from "../../../lib/http/openapi_docs.ts";
import { acceptsGzip } from "../../../lib/http/render_memo.ts";

export const handler: Handlers = {
  async GET(c) {
    const found = docsAsset(c.req.param("file") ?? "");
    if (!found) throw new NotFoundError("No such file");
    const { contentType, plain, gzip } = await found;
    const headers: Record<string, string> = {
      "content-type": contentType,
      "cache-control": "public, max-age=31536000, immutable",
      vary: "Accept-Encoding",
    };
    if (!acceptsGzip(c.req.header("accept-encoding"))) {
      return c.body(plain, 200, headers);
    }
    return c.body(gzip, 200, { ...headers, "content-encoding": "gzip" });
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "apiReferenceAsset",
    summary: "A script or stylesheet of the reference page",
    tags: ["Meta"],
    audience: "public",
    request: {
      params: z.object({
        file: z.string().regex(
          /^(swagger-ui\.css|swagger-ui-bundle\.js|start\.js|img-\d+\.(svg|png|jpg))$/,
        ).meta({
          description:
            "The page's script, start-up script, stylesheet, or one of the stylesheet's images",
        }),
      }),
    },
    responses: {
      200: {
        description: "The file",
        contentType: [
          "text/javascript",
          "text/css",
          "image/svg+xml",
          "image/png",
          "image/jpeg",
        ],
        body: z.string(),
      },
      404: errorResponse(404, "`NOT_FOUND`: not one of the page's files"),
    },
  },
};
