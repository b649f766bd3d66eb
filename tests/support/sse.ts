// Reads a Server-Sent Events response one event at a time.
import assert from "node:assert/strict";

export interface SseEvent {
  event: string;
  data: string;
}

export interface SseReader {
  /** The next event (comments are counted, not returned). */
  next(timeoutMs?: number): Promise<SseEvent>;
  /** Heartbeat comment lines seen so far. */
  readonly comments: number;
  close(): Promise<void>;
}

/** Wraps a `text/event-stream` response body. */
export function readSse(response: Response): SseReader {
  const reader = response.body!.pipeThrough(new TextDecoderStream())
    .getReader();
  let buffer = "";
  let comments = 0;
  const queued: SseEvent[] = [];
  // A read that lost a race with the timeout stays pending for next time.
  let pending: Promise<ReadableStreamReadResult<string>> | undefined;

  function parseBlocks(): void {
    let end: number;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      const data: string[] = [];
      let fields = 0;
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) comments++;
        else if (line.startsWith("event: ")) {
          event = line.slice(7);
          fields++;
        } else if (line.startsWith("data: ")) {
          data.push(line.slice(6));
          fields++;
        }
      }
      if (fields > 0 && data.length > 0) {
        queued.push({ event, data: data.join("\n") });
      }
    }
  }

  return {
    get comments() {
      return comments;
    },
    async next(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (queued.length === 0) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error("no SSE event arrived in time");
        let timer: ReturnType<typeof setTimeout> | undefined;
        pending ??= reader.read();
        const chunk = await Promise.race([
          pending,
          new Promise<"timeout">((resolve) => {
            timer = setTimeout(() => resolve("timeout"), left);
          }),
        ]).finally(() => clearTimeout(timer));
        if (chunk === "timeout") continue;
        pending = undefined;
        if (chunk.done) throw new Error("the SSE stream ended");
        buffer += chunk.value;
        parseBlocks();
      }
      return queued.shift()!;
    },
    async close() {
      await reader.cancel().catch(() => {});
    },
  };
}

/** The body of a live seat map's `seats` event. */
export interface SeatsEvent {
  tripId: number;
  availableSeats: number;
  seats: { id: number; seatNumber: number; status: string }[];
}

/** The next event, which must be a `seats` event. */
export async function nextSeats(
  reader: SseReader,
  timeoutMs?: number,
): Promise<SeatsEvent> {
  const event = await reader.next(timeoutMs);
  assert.equal(event.event, "seats");
  return JSON.parse(event.data);
}

/**
 * Reads `seats` events until one satisfies `done` (an event may repeat the
 * current state, e.g. for the trip's own creation); seats only ever go.
 */
export async function seatsWhere(
  reader: SseReader,
  done: (event: SeatsEvent) => boolean,
  timeoutMs?: number,
): Promise<SeatsEvent> {
  let lowest = Infinity;
  while (true) {
    const event = await nextSeats(reader, timeoutMs);
    assert.ok(event.availableSeats <= lowest, "an older state came later");
    lowest = event.availableSeats;
    if (done(event)) return event;
  }
}
