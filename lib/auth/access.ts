// The one table of protected URL prefixes, and the middleware enforcing it.
// Routes may still call requireUser/requireAdmin; this table makes sure a
// forgotten call cannot expose a whole area.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/context.ts";
import { ForbiddenError, UnauthorizedError } from "../http/errors.ts";
import type { Role, SessionUser } from "./types.ts";

/**
 * Who may use a prefix: `user` — passengers (and admins), not staff, whose
 * accounts only check passengers in; `staff` — conductors and admins;
 * `admin` — admins.
 */
export type Requirement = "user" | "staff" | "admin";

const ALLOWED: Record<Requirement, readonly Role[]> = {
  user: ["user", "admin"],
  staff: ["staff", "admin"],
  admin: ["admin"],
};

const REFUSAL: Record<Requirement, string> = {
  user: "Staff accounts can only check passengers in",
  staff: "Staff only",
  admin: "Admins only",
};

/** Whether `role` may use what `requirement` protects. */
export function allows(requirement: Requirement, role: Role): boolean {
  return ALLOWED[requirement].includes(role);
}

/** Path prefixes and who may use them; a prefix covers itself and everything below it. */
export const PROTECTED_PREFIXES: readonly {
  prefix: string;
  requires: Requirement;
}[] = [
  { prefix: "/api/admin", requires: "admin" },
  { prefix: "/admin", requires: "admin" },
  { prefix: "/api/bookings", requires: "user" },
  { prefix: "/api/holds", requires: "user" },
  { prefix: "/bookings", requires: "user" },
  { prefix: "/staff", requires: "staff" },
  { prefix: "/api/checkin", requires: "staff" },
];

/** What a path requires, or null when it is public. */
export function requirementFor(path: string): Requirement | null {
  for (const { prefix, below, requires } of PREFIX_MATCHERS) {
    if (path === prefix || path.startsWith(below)) return requires;
  }
  return null;
}

// `${prefix}/` built once rather than on every request.
const PREFIX_MATCHERS = PROTECTED_PREFIXES.map((entry) => ({
  ...entry,
  below: `${entry.prefix}/`,
}));

/**
 * Where to go after signing in: `next` when it is a path on this site,
 * else "/". Refuses absolute URLs, protocol-relative `//host` and `/\host`
 * (which browsers treat as `//host`), so the login form is no open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.length > 2000) return "/";
  if (next.startsWith("//") || next.startsWith("/\\")) return "/";
  // Control characters (tab, newline) are stripped by URL parsers and could
  // turn "/\t/evil" into "//evil".
  if (/\p{Cc}/u.test(next)) return "/";
  return next;
}

/** The sign-in URL that brings the user back to `path` afterwards. */
export function loginUrl(path: string): string {
  return `/login?next=${encodeURIComponent(path)}`;
}

/**
 * Enforces PROTECTED_PREFIXES after `authenticate`: API paths answer 401/403
 * JSON; pages redirect anonymous visitors (303) to the sign-in form and show
 * a 403 page to signed-in users without the role.
 */
export const enforceAccess: MiddlewareHandler<AppEnv> = async (c, next) => {
  const requirement = requirementFor(c.req.path);
  if (!requirement) return await next();
  const user = c.get("user");
  const isApi = c.req.path.startsWith("/api/");
  if (!user) {
    if (isApi) throw new UnauthorizedError();
    const url = new URL(c.req.url);
    return c.redirect(loginUrl(url.pathname + url.search), 303);
  }
  if (!allows(requirement, user.role)) {
    throw new ForbiddenError(REFUSAL[requirement]);
  }
  await next();
};

/**
 * The signed-in conductor or admin.
 * @throws {UnauthorizedError} without a user, {ForbiddenError} for others.
 */
export function requireStaff(c: Context<AppEnv>): SessionUser {
  const user = c.get("user");
  if (!user) throw new UnauthorizedError();
  if (!allows("staff", user.role)) throw new ForbiddenError(REFUSAL.staff);
  return user;
}
