// Island props travel from the server to the browser as JSON inside a
// `<script type="application/json">`. Two things can go wrong there: a value
// that JSON cannot carry (a function, a Date, a VNode) silently changes on
// the way, and a string such as `</script>` or `<!--` ends the script element
// early. `serializeIslandProps` refuses the first and escapes the second.

/** Thrown when an island gets a prop that is not plain JSON. */
export class IslandPropsError extends Error {
  override name = "IslandPropsError";
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks that `value` is plain JSON: null, booleans, finite numbers,
 * strings, arrays and plain objects of those.
 * @throws {IslandPropsError} naming the path of the first offending value.
 */
export function assertJsonValue(value: unknown, path = "props"): void {
  if (
    value === null || typeof value === "string" || typeof value === "boolean"
  ) {
    return;
  }
  if (typeof value === "number") {
    if (Number.isFinite(value)) return;
    throw new IslandPropsError(`${path} is ${value}, which JSON cannot carry`);
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertJsonValue(item, `${path}[${index}]`));
    return;
  }
  if (typeof value === "object" && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) assertJsonValue(item, `${path}.${key}`);
    }
    return;
  }
  const kind = value === undefined
    ? "undefined"
    : typeof value === "object"
    ? (value.constructor?.name ?? "an object")
    : typeof value;
  throw new IslandPropsError(
    `${path} is ${kind}; island props must be plain JSON (turn it into a view model first)`,
  );
}

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

function escapeChar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * JSON for an island's props, safe to place inside a `<script>` element:
 * `<`, `>`, `&` and the line separators are written as `\uXXXX`, so no
 * `</script>` or `<!--` can appear, and JSON.parse restores them unchanged.
 * @throws {IslandPropsError} when the props are not plain JSON.
 */
export function serializeIslandProps(props: Record<string, unknown>): string {
  assertJsonValue(props);
  return JSON.stringify(props).replace(UNSAFE_IN_SCRIPT, escapeChar);
}
