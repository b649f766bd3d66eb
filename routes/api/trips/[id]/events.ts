// GET /api/trips/:id/events — a live seat map as Server-Sent Events: a
// `seats` event with the trip's current seats on connect and after every
// committed change, a comment line as heartbeat, cleanup on disconnect.
import { streamSSE } from "hono/streaming";
import type { Handlers } from "../../../../lib/http/router.ts";
import { env } from "../../../../lib/env.ts";
import { NotFoundError } from "../../../../lib/http/errors.ts";
import { getTripReads } from "../../../../lib/trips/reads.ts";
import { getSeatEvents } from "../../../../lib/live/mod.ts";
import { validateIdParam } from "../../../../lib/http/validation.ts";
import { errorResponse, type RouteDocs } from "../../../../lib/http/openapi.ts";
import { z } from "zod";

export const handler: Handlers = {
  async GET(c) {
    const tripId = validateIdParam(c);
    if (!await getTripReads().tripJson(tripId)) {
      throw new NotFoundError("Trip not found");
    }
    const subscription = await getSeatEvents().subscribe(tripId);
    c.header("X-Accel-Buffering", "no");
    return streamSSE(c, async (stream) => {
      // Deno.serve cancels the body when the client goes away. (Not
      // request.signal: by default it aborts as soon as the response starts.)
      const disconnected = new Promise<void>((resolve) =>
        stream.onAbort(resolve)
      );
      const heartbeat = setInterval(
        () => stream.write(": heartbeat\n\n"),
        env.SSE_HEARTBEAT_MS,
      );
      try {
        await stream.write("retry: 3000\n\n");
        subscription.attach((data) =>
          stream.writeSSE({ event: "seats", data })
        );
        await Promise.race([disconnected, subscription.done]);
      } finally {
        clearInterval(heartbeat);
        subscription.close();
      }
    });
  },
};

export const openapi: RouteDocs = {
  GET: {
    operationId: "streamSeats",
    summary: "Live seat map (Server-Sent Events)",
    description:
      "A `seats` event (`{tripId, availableSeats, seats}`) on connect and " +
      "after every committed change on any instance; a comment line as " +
      "heartbeat every SSE_HEARTBEAT_MS.",
    tags: ["Trips"],
    audience: "public",
    responses: {
      200: {
        description: "The event stream",
        contentType: "text/event-stream",
        body: z.string(),
      },
      404: errorResponse(404, "`NOT_FOUND`: no such trip"),
      503: errorResponse(
        503,
        "`TOO_MANY_STREAMS` (SSE_MAX_CONNECTIONS reached) or the database is unavailable",
      ),
    },
  },
};
