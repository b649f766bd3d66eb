import type { RequestIdVariables } from "hono/request-id";

/** The signed-in user as the request sees it (from a verified token). */
export interface SessionUser {
  id: number;
  role: "user" | "admin";
}

/** Hono environment shared by every route: typed context variables. */
export interface AppEnv {
  Variables: RequestIdVariables & {
    user: SessionUser | null;
  };
}
