// Registration and password sign-in: the rules both the JSON API and the
// HTML forms go through.
import postgres from "postgres";
import { z } from "zod";
import type { Sql } from "../db/pool.ts";
import { ConflictError, UnauthorizedError } from "../http/errors.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { findUserByEmail, insertUser } from "./users.ts";
import type { User } from "./types.ts";
import { hasNoControlCharacters } from "../http/validation.ts";

const Email = z.string().trim().toLowerCase().max(
  254,
  "Email must be at most 254 characters",
).pipe(z.email("Enter a valid email address"));

/** Body of a sign-up: name, email (stored lower-case), password. */
export const RegisterInput = z.object({
  name: z.string().trim()
    .min(1, "Enter your name")
    .max(100, "Name must be at most 100 characters")
    .refine(hasNoControlCharacters, "Name must not contain control characters"),
  email: Email,
  password: z.string()
    .min(8, "Password must be at least 8 characters")
    .max(128, "Password must be at most 128 characters"),
});
export type RegisterInput = z.infer<typeof RegisterInput>;

/** Body of a sign-in. */
export const LoginInput = z.object({
  email: Email,
  password: z.string()
    .min(1, "Enter your password")
    .max(128, "Password must be at most 128 characters"),
});
export type LoginInput = z.infer<typeof LoginInput>;

const INVALID_CREDENTIALS = "Email or password is incorrect";

// A real argon2id hash with our parameters, so an unknown email costs the
// same verification time as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Creates a passenger account.
 * @throws {ConflictError} code EMAIL_TAKEN when the email exists in any
 * letter case (also when a concurrent sign-up wins the race).
 */
export async function registerUser(
  sql: Sql,
  input: RegisterInput,
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await insertUser(sql, {
      name: input.name,
      email: input.email,
      passwordHash,
      role: "user",
    });
  } catch (error) {
    if (error instanceof postgres.PostgresError && error.code === "23505") {
      throw new ConflictError(
        "An account with this email already exists",
        "EMAIL_TAKEN",
      );
    }
    throw error;
  }
}

/**
 * Checks an email and password.
 * @throws {UnauthorizedError} with one message whether the email is unknown
 * or the password wrong; both paths run one argon2id verification.
 */
export async function authenticateUser(
  sql: Sql,
  input: LoginInput,
): Promise<User> {
  const found = await findUserByEmail(sql, input.email);
  if (!found) {
    dummyHash ??= hashPassword(crypto.randomUUID());
    await verifyPassword(input.password, await dummyHash);
    throw new UnauthorizedError(INVALID_CREDENTIALS);
  }
  if (!await verifyPassword(input.password, found.passwordHash)) {
    throw new UnauthorizedError(INVALID_CREDENTIALS);
  }
  const { passwordHash: _, ...user } = found;
  return user;
}
