// GET /api/checkin/key: the public key tickets are signed with, for
// devices that verify them offline.
import { z } from "zod";
import type { Handlers } from "../../../lib/http/router.ts";
import { requireStaff } from "../../../lib/auth/access.ts";
import { errorResponse, type RouteDocs } from "../../../lib/http/openapi.ts";
import { ticketPublicJwk } from "../../../lib/tickets/mod.ts";

export const handler: Handlers = {
  async GET(c) {
    requireStaff(c);
    c.header("Cache-Control", "private, max-age=3600");
    return c.json({ key: await ticketPublicJwk() });
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "ticketKey",
    summary: "The public key that signs tickets (Ed25519 JWK)",
    description:
      "A ticket's QR code is a compact JWS (EdDSA) with this key; a device " +
      "holding it verifies tickets with no connection at all.",
    tags: ["Check-in"],
    audience: "user",
    responses: {
      200: {
        description: "The key",
        body: z.strictObject({
          key: z.looseObject({
            kty: z.literal("OKP"),
            crv: z.literal("Ed25519"),
            x: z.string(),
            alg: z.literal("EdDSA"),
          }),
        }),
      },
      403: errorResponse(403, "`FORBIDDEN`: staff and admins only"),
    },
  },
};
