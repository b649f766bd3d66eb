// The account vocabulary: who a user is, and who a request acts for.

/**
 * `user`: a passenger. `staff`: a conductor, who can only check passengers
 * in. `admin`: runs everything (and may check in too).
 */
export type Role = "user" | "staff" | "admin";

/** Every role, for validators. */
export const ROLES: readonly Role[] = ["user", "staff", "admin"];

/** A `users` row, without its password hash. */
export interface User {
  id: number;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
}

/** A user as API clients see it: a fixed list of fields, never the hash. */
export interface PresentedUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
}

/** The signed-in user as the request sees it (from a verified token). */
export interface SessionUser {
  id: number;
  role: Role;
}
