// The API described: every route file under routes/api/ exports, beside its
// `handler`, an `openapi` object naming each method's request and response
// schemas — the same zod schemas the handler validates with. mountRoutes
// hands them to `describeRoutes`, and `openApiDocument()` turns them into an
// OpenAPI 3.1 document with @hono/zod-openapi's generator (zod-to-openapi),
// served at /api/openapi.json. Nothing here is written twice: a request
// schema is the validator, a response schema is checked against real
// responses by tests/openapi_contract_test.ts.
import { z } from "zod";
import { OpenAPIHono } from "@hono/zod-openapi";
import { ErrorBody } from "./openapi_schemas.ts";

/** The methods a route file may answer (as lib/http/router.ts has them). */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Who may call an operation: anyone, a signed-in user, or an admin. */
export type Audience = "public" | "user" | "admin";

/** One response of an operation. */
export interface ResponseDoc {
  description: string;
  /** The JSON body; omit for an empty body (204, redirects). */
  body?: z.ZodType;
  /** Defaults to application/json when there is a body. */
  contentType?: string | string[];
  headers?: Record<string, string>;
}

/** One method of a route: what it takes and every answer it gives. */
export interface OperationDoc {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  audience: Audience;
  request?: {
    /** Path parameters; `:id` segments default to a positive integer id. */
    params?: z.ZodObject;
    query?: z.ZodObject;
    headers?: z.ZodObject;
    /** A JSON body, validated by the handler with this same schema. */
    body?: z.ZodType;
  };
  /** Success and route-specific errors; common errors are added (see below). */
  responses: Record<number, ResponseDoc>;
}

/** What a route file exports as `openapi`: one operation per method. */
export type RouteDocs = Partial<Record<Method, OperationDoc>>;

/** Standard answers, by status, for the error responses routes list. */
const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Bad input: `VALIDATION_FAILED` (with `issues`) or `BAD_REQUEST`",
  401: "`UNAUTHORIZED`: no session, or it ended (signed out, expired)",
  403:
    "`FORBIDDEN`: the session lacks the role, or the request came from another site",
  404: "`NOT_FOUND`",
  413: "`PAYLOAD_TOO_LARGE`: the body is over MAX_BODY_BYTES",
  422: "`IDEMPOTENCY_KEY_REUSED`: the key was used for a different request",
  429: "`RATE_LIMITED`, with `retryAfterSeconds` and a Retry-After header",
  500:
    "`INTERNAL`: a bug; the message leaks nothing, the log has the request id",
  503:
    "The database is unavailable, busy or failing over (`DATABASE_UNAVAILABLE`, `LOCK_TIMEOUT`, …); retry after Retry-After",
};

/** An error response, `{ error: { code, message, … } }`. */
export function errorResponse(
  status: number,
  description?: string,
): ResponseDoc {
  return {
    description: description ?? ERROR_DESCRIPTIONS[status] ?? "An error",
    body: ErrorBody,
    headers: status === 429 || status === 503
      ? { "Retry-After": "Seconds to wait before retrying" }
      : undefined,
  };
}

/** Several error responses with their standard descriptions. */
export function errorResponses(
  ...statuses: number[]
): Record<number, ResponseDoc> {
  return Object.fromEntries(statuses.map((s) => [s, errorResponse(s)]));
}

const UNSAFE_METHODS = new Set<Method>(["POST", "PUT", "PATCH", "DELETE"]);

/** The errors any operation can answer, given who may call it and how. */
function commonErrors(
  pattern: string,
  method: Method,
  doc: OperationDoc,
): number[] {
  const statuses = [500, 503];
  if (doc.request?.body) statuses.push(400, 413);
  if (doc.request?.query || pattern.includes(":")) statuses.push(400);
  if (doc.audience !== "public") statuses.push(401);
  // Signed-in routes refuse roles they are not for (admin routes everyone
  // but admins, passenger routes staff accounts); state-changing requests
  // riding on the session cookie are refused from another site (CSRF).
  if (doc.audience !== "public" || UNSAFE_METHODS.has(method)) {
    statuses.push(403);
  }
  return statuses;
}

/** A positive integer id in a URL, as `validateIdParam` accepts it. */
const IdParam = z.string().regex(/^[1-9][0-9]{0,14}$/).meta({
  description: "A positive integer id",
  example: "42",
});

interface Described {
  pattern: string;
  method: Method;
  doc: OperationDoc;
}

const described = new Map<string, Described>();
let cached: Record<string, unknown> | undefined;

/** `/api/trips/:id` → `/api/trips/{id}` (OpenAPI's path template). */
export function openApiPath(pattern: string): string {
  return pattern.replace(/:(\w+)/g, "{$1}");
}

/** Records a route's operations (mountRoutes calls it for every route file). */
export function describeRoutes(pattern: string, docs: RouteDocs): void {
  for (
    const [method, doc] of Object.entries(docs) as [Method, OperationDoc][]
  ) {
    described.set(`${method} ${pattern}`, { pattern, method, doc });
    cached = undefined;
  }
}

/** The operations described so far, as `METHOD /pattern` keys. */
export function describedOperations(): string[] {
  return [...described.keys()];
}

function pathParams(pattern: string, given?: z.ZodObject) {
  if (given) return given;
  const names = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]);
  if (names.length === 0) return undefined;
  return z.object(Object.fromEntries(names.map((name) => [name, IdParam])));
}

type Registry = OpenAPIHono["openAPIRegistry"];

function registerOperation(registry: Registry, entry: Described) {
  const { pattern, method, doc } = entry;
  const responses: Record<number, ResponseDoc> = {
    ...errorResponses(...commonErrors(pattern, method, doc)),
    ...doc.responses,
  };
  registry.registerPath({
    method: method.toLowerCase() as Lowercase<Method>,
    path: openApiPath(pattern),
    operationId: doc.operationId,
    summary: doc.summary,
    description: doc.description,
    tags: doc.tags,
    security: doc.audience === "public"
      ? []
      : [{ bearerAuth: [] }, { sessionCookie: [] }],
    request: {
      params: pathParams(pattern, doc.request?.params),
      query: doc.request?.query,
      headers: doc.request?.headers,
      body: doc.request?.body
        ? {
          required: true,
          content: { "application/json": { schema: doc.request.body } },
        }
        : undefined,
    },
    responses: Object.fromEntries(
      Object.entries(responses).map(([status, response]) => [status, {
        description: response.description,
        headers: response.headers &&
          Object.fromEntries(
            Object.entries(response.headers).map(([name, description]) => [
              name,
              { description, schema: { type: "string" as const } },
            ]),
          ),
        content: response.body
          ? Object.fromEntries(
            [response.contentType ?? "application/json"].flat().map(
              (type) => [type, { schema: response.body! }],
            ),
          )
          : undefined,
      }]),
    ),
  });
}

/** The OpenAPI 3.1 document of every described route (built once). */
export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const generator = new OpenAPIHono();
  const registry = generator.openAPIRegistry;
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "The `token` from POST /api/auth/login or /api/auth/register",
  });
  registry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "busbook_session",
    description: "The HttpOnly session cookie the same endpoints set",
  });
  const entries = [...described.values()].sort((a, b) =>
    a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0
  );
  for (const entry of entries) registerOperation(registry, entry);
  const generated = generator.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Busbook API",
      version: "1.0.0",
      description:
        "Find a bus trip, hold or book seats, and run trips as an admin. " +
        'Every error is `{ "error": { "code", "message", … } }`. ' +
        "Send `Authorization: Bearer <token>` (or the session cookie); " +
        "retry bookings and holds with the same `Idempotency-Key`.",
    },
    servers: [{ url: "/" }],
  });
  cached = generated as unknown as Record<string, unknown>;
  return cached;
}
