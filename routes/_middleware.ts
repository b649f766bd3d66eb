// Every request, in this order: a request id, the access log (when
// LOG_REQUESTS), security headers, the body limit, the session, the
// protected-prefix table (lib/auth/access.ts), then the CSRF check.
import type { MiddlewareHandler } from "hono";
import { logger } from "hono/logger";
import type { AppEnv } from "../lib/http/context.ts";
import { env } from "../lib/env.ts";
import { requestId } from "../lib/http/request_id.ts";
import { securityHeaders } from "../lib/http/security_headers.ts";
import { requestBodyLimit } from "../lib/http/body_limit.ts";
import { authenticate } from "../lib/auth/tokens.ts";
import { enforceAccess } from "../lib/auth/access.ts";
import { csrfProtection } from "../lib/http/csrf.ts";

export const handler: MiddlewareHandler<AppEnv>[] = [
  requestId,
  ...(env.LOG_REQUESTS ? [logger()] : []),
  securityHeaders,
  requestBodyLimit,
  authenticate,
  enforceAccess,
  csrfProtection,
];
