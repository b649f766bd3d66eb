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
