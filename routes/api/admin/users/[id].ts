// PATCH /api/admin/users/:id: give a user another role. It applies from
// their next request, on every instance (no need to sign in again).
import { z } from "zod";
import type { Handlers } from "../../../../lib/http/router.ts";
import { errorResponse, type RouteDocs } from "../../../../lib/http/openapi.ts";
import { UserSchema } from "../../../../lib/http/openapi_schemas.ts";
import { sql } from "../../../../lib/db/pool.ts";
import { requireAdmin } from "../../../../lib/auth/tokens.ts";
import {
  RoleChangeInput,
  setUserRole,
} from "../../../../lib/auth/account_changes.ts";
import { presentUser } from "../../../../lib/auth/users.ts";
import {
  validateIdParam,
  validateJson,
} from "../../../../lib/http/validation.ts";

export const handler: Handlers = {
  async PATCH(c) {
    const admin = requireAdmin(c);
    const id = validateIdParam(c);
    const { role } = await validateJson(c, RoleChangeInput);
    const user = await setUserRole(sql, admin.id, id, role);
    return c.json({ user: presentUser(user) });
  },
};

export const openapi: RouteDocs = {
  PATCH: {
    operationId: "adminSetUserRole",
    summary: "Change a user's role",
    description:
      "A demoted admin loses admin access on their very next request, with " +
      "the sessions they have. Recorded in the audit trail.",
    tags: ["Admin"],
    audience: "admin",
    request: { body: RoleChangeInput },
    responses: {
      200: {
        description: "Changed",
        body: z.strictObject({ user: UserSchema }),
      },
      404: errorResponse(404, "`NOT_FOUND`: no such user"),
      409: errorResponse(
        409,
        "`OWN_ROLE`: an admin cannot change their own role",
      ),
    },
  },
};
