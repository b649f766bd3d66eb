// The contract check: every response of a described route, held against
// the served OpenAPI document itself (not the zod schemas it was made
// from). The test harness turns it on (OPENAPI_VALIDATE_RESPONSES), so every
// API test doubles as a contract test: an undocumented status, content type
// or field turns that response into a 500 CONTRACT_VIOLATION naming the
// mismatch, and the test that made it fails.
import type { MiddlewareHandler } from "hono";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { AppEnv } from "./context.ts";

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  regex: RegExp;
  path: string;
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}

/** What is wrong with one response, or null when it keeps the contract. */
export type Violation = string | null;

const DOCUMENT_ID = "busbook-openapi";

// "#/components/…" in the document → "busbook-openapi#/components/…", so a
// response schema compiled on its own still reaches the shared components.
function qualifyRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(qualifyRefs);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === "$ref" && typeof inner === "string" && inner.startsWith("#/")
          ? DOCUMENT_ID + inner
          : qualifyRefs(inner),
      ]),
    );
  }
  return value;
}

function mediaType(header: string | null): string {
  return (header ?? "").split(";")[0].trim().toLowerCase();
}

/** Checks responses against one OpenAPI 3.1 document. */
export class ContractChecker {
  readonly #operations: Operation[] = [];
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true });
  readonly #validators = new Map<Json, ValidateFunction>();
  /** Responses checked so far (a test can tell the check is not vacuous). */
  checked = 0;

  constructor(document: Json) {
    (addFormats as unknown as (ajv: Ajv2020) => void)(this.#ajv);
    const qualified = qualifyRefs(document) as Json;
    this.#ajv.addSchema({
      $id: DOCUMENT_ID,
      components: qualified.components ?? {},
    });
    const paths = (qualified.paths ?? {}) as Record<string, Json>;
    for (const [path, item] of Object.entries(paths)) {
      const regex = new RegExp(
        "^" + path.replace(/\{\w+\}/g, "[^/]+").replace(/\./g, "\\.") + "$",
      );
      for (const [method, operation] of Object.entries(item)) {
        this.#operations.push({
          method: method.toUpperCase(),
          regex,
          path,
          responses: (operation as Json).responses as Operation["responses"],
        });
      }
    }
  }

  /** True when some documented operation answers this method and path. */
  describes(method: string, path: string): boolean {
    return this.#find(method, path) !== undefined;
  }

  #find(method: string, path: string): Operation | undefined {
    return this.#operations.find((op) =>
      op.method === method && op.regex.test(path)
    );
  }

  /**
   * Checks one response; undefined when the document does not describe the
   * request's route (an unknown URL is not a contract matter).
   */
  async check(
    method: string,
    path: string,
    response: Response,
  ): Promise<Violation | undefined> {
    const operation = this.#find(method, path);
    if (!operation) return undefined;
    this.checked++;
    const where = `${method} ${operation.path} → ${response.status}`;
    const documented = operation.responses[String(response.status)];
    if (!documented) return `${where}: status not documented`;
    const type = mediaType(response.headers.get("content-type"));
    if (!documented.content) {
      return type === "" || response.status === 204 || response.status >= 300
        ? null
        : `${where}: documented without a body, sent ${type}`;
    }
    const media = documented.content[type];
    if (!media) {
      return `${where}: content type ${type || "(none)"} not documented`;
    }
    if (type !== "application/json") return null;
    let body: unknown;
    try {
      body = JSON.parse(await bodyText(response.clone()));
    } catch {
      return `${where}: body is not JSON`;
    }
    const validate = this.#validator(media.schema);
    if (validate(body)) return null;
    const problems = (validate.errors ?? []).map((error) =>
      `${error.instancePath || "/"} ${error.message}` +
      (error.params && "additionalProperty" in error.params
        ? ` (${error.params.additionalProperty})`
        : "")
    );
    return `${where}: ${problems.join("; ")}`;
  }

  #validator(schema: Json): ValidateFunction {
    let found = this.#validators.get(schema);
    if (!found) {
      found = this.#ajv.compile(schema);
      this.#validators.set(schema, found);
    }
    return found;
  }
}

let checker: ContractChecker | undefined;

/** The checker `contractCheck` made, once a response went through it. */
export function activeContractChecker(): ContractChecker | undefined {
  return checker;
}

/**
 * Middleware holding every response against the document `getDocument`
 * returns (built on first use, after every route was mounted). A mismatch
 * is logged and answered as a 500 CONTRACT_VIOLATION instead.
 */
export function contractCheck(
  getDocument: () => Json,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.req.method === "HEAD" || c.req.method === "OPTIONS") return;
    checker ??= new ContractChecker(getDocument());
    const violation = await checker.check(c.req.method, c.req.path, c.res);
    if (!violation) return;
    console.error(`OpenAPI contract violation: ${violation}`);
    c.res = Response.json(
      { error: { code: "CONTRACT_VIOLATION", message: violation } },
      { status: 500 },
    );
  };
}

/** A response's body as text, gunzipped when it was sent gzipped. */
function bodyText(response: Response): Promise<string> {
  if (response.headers.get("content-encoding") !== "gzip" || !response.body) {
    return response.text();
  }
  return new Response(
    response.body.pipeThrough(new DecompressionStream("gzip")),
  ).text();
}
