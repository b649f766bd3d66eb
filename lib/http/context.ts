import type { SessionUser } from "../auth/types.ts";

/** Hono environment shared by every route: typed context variables. */
export interface AppEnv {
  Variables: {
    /** Set by lib/http/request_id.ts; echoed in X-Request-Id and error logs. */
    requestId: string;
    user: SessionUser | null;
  };
}
