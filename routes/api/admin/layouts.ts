// GET /api/admin/layouts: the vehicles a trip or route can run with.
import { z } from "zod";
import type { Handlers } from "../../../lib/http/router.ts";
import { requireAdmin } from "../../../lib/auth/tokens.ts";
import { sql } from "../../../lib/db/pool.ts";
import type { RouteDocs } from "../../../lib/http/openapi.ts";
import { listLayouts } from "../../../lib/trips/layouts.ts";

const LayoutSchema = z.strictObject({
  id: z.int().positive(),
  code: z.string().meta({ example: "sleeper-2-deck" }),
  name: z.string().meta({ example: "Two-deck sleeper" }),
  description: z.string(),
  resizable: z.boolean().meta({
    description: "A trip on it may have any seat count (the 2+2 coach)",
  }),
  decks: z.int().min(1).max(2),
  seatCount: z.int().positive(),
  kind: z.enum(["seat", "berth"]),
  priceClasses: z.array(z.strictObject({
    code: z.string(),
    label: z.string(),
    supplement: z.number().nonnegative().meta({
      description: "Added to the trip's price, in currency units",
    }),
  })),
}).meta({ id: "VehicleLayout" });

export const handler: Handlers = {
  async GET(c) {
    requireAdmin(c);
    const layouts = await listLayouts(sql);
    return c.json({
      layouts: layouts.map(({ priceClasses, ...layout }) => ({
        ...layout,
        priceClasses: priceClasses.map(({ supplementCents, ...rest }) => ({
          ...rest,
          supplement: supplementCents / 100,
        })),
      })),
    });
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "adminListLayouts",
    summary: "The vehicle layouts (for a trip's layoutId)",
    tags: ["Admin"],
    audience: "admin",
    responses: {
      200: {
        description: "Every layout, the 2+2 coach first",
        body: z.strictObject({ layouts: z.array(LayoutSchema) }),
      },
    },
  },
};
