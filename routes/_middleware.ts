// Every request, in this order: a request id, the metrics and access log
// (lib/http/observe.ts), the OpenAPI contract check (tests only), security
// headers, a default Cache-Control (private, no-cache), the request's
// deadline (lib/http/deadline.ts), the body limit and body timeout, the
// session, the protected-prefix table (lib/auth/access.ts), then the CSRF
// check.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../lib/http/context.ts";
import { env } from "../lib/env.ts";
import { requestId } from "../lib/http/request_id.ts";
import { securityHeaders } from "../lib/http/security_headers.ts";
import { requestBodyLimit } from "../lib/http/body_limit.ts";
import { requestDeadline } from "../lib/http/deadline.ts";
import { authenticate } from "../lib/auth/tokens.ts";
import { enforceAccess } from "../lib/auth/access.ts";
import { csrfProtection } from "../lib/http/csrf.ts";
import { observeRequests } from "../lib/http/observe.ts";
import { defaultCacheControl } from "../lib/http/cache_headers.ts";
import { contractCheck } from "../lib/http/openapi_contract.ts";
import { openApiDocument } from "../lib/http/openapi.ts";

export const handler: MiddlewareHandler<AppEnv>[] = [
  requestId,
  observeRequests({ logRequests: env.LOG_REQUESTS }),
  ...(env.OPENAPI_VALIDATE_RESPONSES ? [contractCheck(openApiDocument)] : []),
  securityHeaders,
  defaultCacheControl,
  requestDeadline(env.REQUEST_TIMEOUT_MS),
  requestBodyLimit,
  authenticate,
  enforceAccess,
  csrfProtection,
];
