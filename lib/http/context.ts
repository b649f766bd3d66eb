/** The signed-in user as the request sees it (from a verified token). */
export interface SessionUser {
  id: number;
  role: "user" | "admin";
}

/** Hono environment shared by every route: typed context variables. */
export interface AppEnv {
  Variables: {
    /** Set by lib/http/request_id.ts; echoed in X-Request-Id and error logs. */
    requestId: string;
    user: SessionUser | null;
  };
}
