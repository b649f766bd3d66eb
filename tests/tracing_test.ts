// Deno's built-in OpenTelemetry, switched on as the README says
// (OTEL_DENO=true and an OTLP endpoint), exports the booking transaction as
// a span with its SQL statements, inside the trace of the HTTP request that
// made it — received here by an OTLP/HTTP (JSON) receiver of the test's own.
import assert from "node:assert/strict";
import { dbTest } from "./support/db.ts";
import { startApp } from "./support/processes.ts";
import { createTestTrip, createTestUser } from "./support/factories.ts";
import { seatIdsOf } from "./support/booking_api.ts";

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
  events?: {
    name: string;
    attributes?: { key: string; value: { stringValue?: string } }[];
  }[];
}

/** An OTLP/HTTP receiver that keeps every span it is sent. */
function startReceiver() {
  const spans: OtlpSpan[] = [];
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (request) => {
      const body = await request.text();
      if (new URL(request.url).pathname === "/v1/traces") {
        const parsed = JSON.parse(body);
        for (const resource of parsed.resourceSpans ?? []) {
          for (const scope of resource.scopeSpans ?? []) {
            spans.push(...scope.spans);
          }
        }
      }
      return Response.json({});
    },
  );
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    spans,
    close: () => server.shutdown(),
  };
}

function attribute(span: OtlpSpan, key: string) {
  return span.attributes?.find((a) => a.key === key)?.value;
}

dbTest(
  "with OTEL_DENO, a booking's transaction is a span with its SQL statements, in the request's trace",
  async () => {
    const receiver = startReceiver();
    const app = await startApp({
      OTEL_DENO: "true",
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: "busbook-test",
      // Export every half second rather than every few (a standard variable).
      OTEL_BSP_SCHEDULE_DELAY: "500",
    });
    try {
      const trip = await createTestTrip();
      const [seat] = await seatIdsOf(trip.id);
      const user = await createTestUser();
      const res = await fetch(`${app.url}/api/bookings`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${user.token}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ tripId: trip.id, seatIds: [seat] }),
      });
      assert.equal(res.status, 201);
      await res.body?.cancel();

      // Spans arrive as they end, in batches: the request's own span ends
      // after the response, so it may come in a later batch than the rest.
      const byId = new Map<string, OtlpSpan>();
      const parentOf = (span: OtlpSpan | undefined) =>
        span && byId.get(span.parentSpanId ?? "");
      const deadline = Date.now() + 20_000;
      let transaction: OtlpSpan | undefined;
      while (
        !parentOf(parentOf(transaction)) && Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        for (const span of receiver.spans) byId.set(span.spanId, span);
        transaction = receiver.spans.find((span) =>
          span.name === "booking.transaction"
        );
      }
      assert.ok(transaction, "the booking transaction's span arrived");
      const statements = (transaction.events ?? [])
        .filter((event) => event.name === "db.statement")
        .map((event) =>
          event.attributes?.find((a) => a.key === "db.statement")?.value
            .stringValue ?? ""
        );
      assert.ok(
        statements.some((s) => /^begin/i.test(s)),
        statements.join("\n"),
      );
      assert.ok(
        statements.some((s) => /for update/i.test(s)),
        "the seat locks",
      );
      assert.ok(
        statements.some((s) => /insert into bookings/i.test(s)),
        "the insert",
      );
      assert.ok(statements.some((s) => /^commit/i.test(s)), "the commit");
      assert.ok(
        statements.every((s) => !s.includes(String(user.id)) || /\$\d/.test(s)),
        "statements are parameterised text, no values",
      );

      const attempt = parentOf(transaction);
      assert.equal(attempt?.name, "booking.book");
      assert.equal(
        attribute(attempt!, "busbook.outcome")?.stringValue,
        "booked",
      );
      const server = parentOf(attempt);
      assert.ok(server, "the attempt's parent is the HTTP request's span");
      assert.equal(server.traceId, transaction.traceId);
      assert.match(server.name, /POST/);
    } finally {
      await app.stop();
      await receiver.close();
    }
  },
);
