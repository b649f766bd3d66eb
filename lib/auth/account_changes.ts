// Changes to an account that end or change its sessions: a new password
// (every session ends; the client that changed it gets a new one), and an
// admin setting someone's role (their next request, anywhere, has it).
import { z } from "zod";
import type { Sql, Tx } from "../db/pool.ts";
import {
  ConflictError,
  NotFoundError,
  UnauthorizedError,
} from "../http/errors.ts";
import { recordAdminAction } from "../admin/actions.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { sessionsChanged } from "./session_state.ts";
import type { Role, User } from "./types.ts";

/** Body of `POST /api/auth/password`. */
export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(128),
  newPassword: z.string()
    .min(8, "Password must be at least 8 characters")
    .max(128, "Password must be at most 128 characters"),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/** Body of `PATCH /api/admin/users/:id`. */
export const RoleChangeInput = z.strictObject({
  role: z.enum(["user", "staff", "admin"], {
    error: "role must be user, staff or admin",
  }),
});

const USER_COLUMNS = (sql: Sql | Tx) =>
  sql`id, name, email, role, created_at as "createdAt"`;

/**
 * Sets a new password after checking the current one, and ends every
 * session of the account (and every older token) in the same transaction.
 * @throws {UnauthorizedError} when the current password is wrong.
 */
export async function changePassword(
  sql: Sql,
  userId: number,
  input: ChangePasswordInput,
): Promise<User> {
  const [found] = await sql<{ passwordHash: string }[]>`
    select password_hash as "passwordHash" from users where id = ${userId}
  `;
  if (
    !found || !await verifyPassword(input.currentPassword, found.passwordHash)
  ) {
    throw new UnauthorizedError("The current password is not right");
  }
  const passwordHash = await hashPassword(input.newPassword);
  const user = await sql.begin(async (tx) => {
    const [updated] = await tx<User[]>`
      update users
      set password_hash = ${passwordHash}, sessions_valid_after = now()
      where id = ${userId}
      returning ${USER_COLUMNS(tx)}
    `;
    await tx`
      update sessions set ended_at = now(), ended_reason = 'password_changed'
      where user_id = ${userId} and ended_at is null
    `;
    return updated;
  });
  await sessionsChanged(userId);
  return user;
}

/**
 * Gives a user another role, recorded in the admin audit trail; their
 * sessions carry on with the new role from their next request.
 * @throws {NotFoundError} unknown user; {ConflictError} OWN_ROLE when an
 * admin would change their own role (so no one locks the last admin out).
 */
export async function setUserRole(
  sql: Sql,
  adminId: number,
  userId: number,
  role: Role,
): Promise<User> {
  if (adminId === userId) {
    throw new ConflictError("You cannot change your own role", "OWN_ROLE");
  }
  const user = await sql.begin(async (tx) => {
    const [before] = await tx<{ role: Role }[]>`
      select role from users where id = ${userId} for update
    `;
    if (!before) throw new NotFoundError(`There is no user ${userId}`);
    const [updated] = await tx<User[]>`
      update users set role = ${role} where id = ${userId}
      returning ${USER_COLUMNS(tx)}
    `;
    if (before.role !== role) {
      await recordAdminAction(tx, {
        adminId,
        action: "user.role",
        details: { userId, from: before.role, to: role },
      });
    }
    return updated;
  });
  await sessionsChanged(userId);
  return user;
}
