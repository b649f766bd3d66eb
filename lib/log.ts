// Logs as one JSON object per line — `time`, `level`, `msg` and
// fields — at or above LOG_LEVEL. A serving process routes `console.*`
// through here too (`installJsonConsole`), so a log shipper sees one format
// whoever wrote the line. Emails are shown masked and tokens never: a line
// goes through `redact` before it is written.
import { format } from "node:util";
import { env } from "./env.ts";

export type LogLevel = "debug" | "info" | "warn" | "error";

const RANK: Record<LogLevel, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
};

// The console as it was, so the JSON lines never go through a patched one:
// debug and info on stdout, warn and error on stderr.
const writeOut = console.log.bind(console);
const writeErr = console.error.bind(console);
const write = (line: string, level: LogLevel) =>
  RANK[level] >= RANK.warn ? writeErr(line) : writeOut(line);

const EMAIL =
  /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]+/g;
const BEARER = /\b(Bearer\s+)\S+/gi;

/** The text with emails masked (`a…@example.com`) and tokens removed. */
export function redact(text: string): string {
  return text
    .replace(JWT, "[token]")
    .replace(BEARER, "$1[token]")
    .replace(EMAIL, "$1…@$2");
}

export type LogFormat = "json" | "text";

/**
 * One log line as it is written: a JSON object, or for people (`text`)
 * `time LEVEL msg key=value …`.
 */
export function formatLine(
  level: LogLevel,
  msg: string,
  fields: Record<string, unknown> = {},
  now = new Date(),
  format: LogFormat = "json",
): string {
  if (format === "text") {
    const pairs = Object.entries(fields).map(([key, value]) =>
      `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`
    );
    return redact(
      [now.toISOString(), level.toUpperCase(), msg, ...pairs].join(" "),
    );
  }
  return redact(
    JSON.stringify({ time: now.toISOString(), level, msg, ...fields }),
  );
}

/** A logger writing JSON lines at or above `minLevel`. */
export class Logger {
  readonly #min: number;

  constructor(
    minLevel: LogLevel,
    private readonly sink: (line: string, level: LogLevel) => void = write,
    private readonly format: LogFormat = "json",
  ) {
    this.#min = RANK[minLevel];
  }

  /** True when lines at `level` are written (skip building costly fields). */
  enabled(level: LogLevel): boolean {
    return RANK[level] >= this.#min;
  }

  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void {
    if (RANK[level] < this.#min) return;
    this.sink(formatLine(level, msg, fields, new Date(), this.format), level);
  }

  debug(msg: string, fields?: Record<string, unknown>): void {
    this.log("debug", msg, fields);
  }

  info(msg: string, fields?: Record<string, unknown>): void {
    this.log("info", msg, fields);
  }

  warn(msg: string, fields?: Record<string, unknown>): void {
    this.log("warn", msg, fields);
  }

  error(msg: string, fields?: Record<string, unknown>): void {
    this.log("error", msg, fields);
  }
}

/** The process's logger, at LOG_LEVEL, in LOG_FORMAT. */
export const log = new Logger(env.LOG_LEVEL, write, env.LOG_FORMAT);

let installed = false;

/**
 * Routes console.debug/log/info/warn/error through `log` as JSON lines
 * (arguments formatted as console would, errors with their stack) when
 * LOG_FORMAT is json. Called by a serving process; tests that import the
 * app keep the plain console.
 */
export function installJsonConsole(
  logger: Logger = log,
  logFormat: LogFormat = env.LOG_FORMAT,
): void {
  // People reading a terminal (LOG_FORMAT=text) keep the console as it is.
  if (installed || logFormat !== "json") return;
  installed = true;
  const levels: [keyof Console & LogLevel | "log", LogLevel][] = [
    ["debug", "debug"],
    ["log", "info"],
    ["info", "info"],
    ["warn", "warn"],
    ["error", "error"],
  ];
  for (const [method, level] of levels) {
    (console as unknown as Record<string, unknown>)[method] = (
      ...args: unknown[]
    ) => {
      if (logger.enabled(level)) logger.log(level, format(...args));
    };
  }
}
