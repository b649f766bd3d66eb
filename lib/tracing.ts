// Tracing through Deno's built-in OpenTelemetry (OTEL_DENO=true and the
// standard OTEL_EXPORTER_OTLP_* variables): Deno itself makes a span per
// HTTP request and outgoing fetch; this module adds the application's own
// — a booking attempt, its transaction — through @opentelemetry/api, and
// records each SQL statement the pool sends as an event on the span that
// is active then. With OTEL_DENO unset all of it costs one branch.
import {
  type Attributes,
  type Span,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { env } from "./env.ts";

const tracer = trace.getTracer("busbook");

/** True when spans are exported (OTEL_DENO=true). */
export const tracingEnabled: boolean = env.OTEL_DENO;

/**
 * Runs `fn` inside a span named `name` (the active span for everything it
 * awaits), ended when `fn` settles; a thrown error marks the span failed.
 */
export async function traced<T>(
  name: string,
  attributes: Attributes,
  fn: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!tracingEnabled) return await fn(undefined);
  return await tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

// The span of the transaction open on each pool connection. A statement
// that postgres.js queues behind another one is sent from the connection's
// socket callback, where the caller's span is no longer active; while a
// transaction holds its connection, every statement on it is that
// transaction's.
const transactionSpans = new Map<number, Span>();

/**
 * postgres.js's `debug` hook: each statement sent becomes a `db.statement`
 * event on its transaction's span (else the active span), so a
 * transaction's span lists its SQL in order. Only the parameterised text is
 * recorded, never the values.
 */
export function recordStatement(
  connection: number,
  statement: string,
): void {
  const text = statement.replace(/\s+/g, " ").trim();
  let span = transactionSpans.get(connection);
  if (!span) {
    span = trace.getActiveSpan();
    if (span && /^begin\b/i.test(text)) transactionSpans.set(connection, span);
  }
  span?.addEvent("db.statement", {
    "db.system": "postgresql",
    "db.statement": text.slice(0, 2000),
    "db.connection": connection,
  });
  if (/^(commit|rollback)\b/i.test(text)) transactionSpans.delete(connection);
}
