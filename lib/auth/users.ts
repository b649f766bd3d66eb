import type { Sql } from "../db/pool.ts";
import { hashPassword } from "./passwords.ts";

import type { PresentedUser, Role, User } from "./types.ts";

/** The public JSON shape of a user (whitelisted fields only). */
export function presentUser(user: User): PresentedUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
  };
}

interface UserWithHash extends User {
  passwordHash: string;
}

/**
 * Inserts a user with an already-hashed password.
 * @throws PostgresError 23505 when the email (case-insensitive) is taken.
 */
export async function insertUser(
  sql: Sql,
  input: { name: string; email: string; passwordHash: string; role?: Role },
): Promise<User> {
  const [user] = await sql<User[]>`
    insert into users (name, email, password_hash, role)
    values (${input.name}, ${input.email}, ${input.passwordHash}, ${
    input.role ?? "user"
  })
    returning id, name, email, role, created_at as "createdAt"
  `;
  return user;
}

/** Finds a user by email, case-insensitively, with the password hash. */
export async function findUserByEmail(
  sql: Sql,
  email: string,
): Promise<UserWithHash | undefined> {
  const [user] = await sql<UserWithHash[]>`
    select id, name, email, role, password_hash as "passwordHash",
      created_at as "createdAt"
    from users
    where lower(email) = lower(${email})
  `;
  return user;
}

/** Finds a user by id. */
export async function getUser(sql: Sql, id: number): Promise<User | undefined> {
  const [user] = await sql<User[]>`
    select id, name, email, role, created_at as "createdAt"
    from users
    where id = ${id}
  `;
  return user;
}

/**
 * Creates an admin with this email unless a user with it exists already.
 * @returns true when a new admin was created.
 */
export async function ensureAdmin(
  sql: Sql,
  input: { name: string; email: string; password: string },
): Promise<boolean> {
  if (await findUserByEmail(sql, input.email)) return false;
  const passwordHash = await hashPassword(input.password);
  const rows = await sql`
    insert into users (name, email, password_hash, role)
    values (${input.name}, ${input.email}, ${passwordHash}, 'admin')
    on conflict ((lower(email))) do nothing
    returning id
  `;
  return rows.length === 1;
}
