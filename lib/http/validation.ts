// Validation at the edge: every route parses its params, query and body with
// a zod schema through these helpers, so bad input becomes a 400 with the
// issues listed and never reaches SQL.
import { z } from "zod";
import type { Context } from "hono";
import { BadRequestError, ValidationError } from "./errors.ts";

/**
 * True for text without control characters (NUL, escapes, …): PostgreSQL
 * refuses NUL in text, and none belongs in a name or a place.
 */
export function hasNoControlCharacters(value: string): boolean {
  return /^[^\p{Cc}]*$/u.test(value);
}

export const CONTROL_CHARACTERS_MESSAGE = "must not contain control characters";

/**
 * Parses `value` with `schema`.
 * @throws {ValidationError} (400) listing every issue as `{path, message}`.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    })),
  );
}

/**
 * The request body as JSON.
 * @throws {BadRequestError} (400) when the body is missing or not JSON.
 */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") {
    throw new BadRequestError("The request needs a JSON body");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError("The request body is not valid JSON");
  }
}

/** Reads the JSON body and parses it with `schema` (400 on any problem). */
export async function validateJson<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<z.infer<T>> {
  return parseInput(schema, await readJson(c));
}

/** Parses the query string with `schema` (400 on any problem). */
export function validateQuery<T extends z.ZodType>(
  c: Context,
  schema: T,
): z.infer<T> {
  return parseInput(schema, c.req.query());
}

/** A database id in a JSON body: a positive integer that stays exact in JS. */
export const idSchema = z.number({ error: "must be a positive integer id" })
  .int("must be a positive integer id")
  .positive("must be a positive integer id")
  .max(Number.MAX_SAFE_INTEGER, "is too large to be an id");

const ID_PARAM = /^[1-9][0-9]{0,14}$/;

/**
 * A database id in a URL: digits only ("1e3", "-1", " 7", "abc" are
 * refused), converted to a number.
 */
export const idParamSchema = z.string()
  .regex(ID_PARAM, "must be a positive integer id")
  .transform(Number);

/** Parses the `:id` path parameter (400 unless it is a positive integer). */
export function validateIdParam(c: Context, name = "id"): number {
  // idParamSchema's test without zod's parse machinery: this runs on every
  // trip read, the hottest route.
  const raw = c.req.param(name);
  if (raw !== undefined && ID_PARAM.test(raw)) return Number(raw);
  throw new ValidationError([
    { path: name, message: "must be a positive integer id" },
  ]);
}
