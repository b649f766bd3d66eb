// The client side of a chaos run, following the retry contract of
// docs/reliability.md: every write carries an Idempotency-Key, and a 503 or
// a missing answer is retried with the same key after Retry-After (or a
// short jittered backoff), on any live instance, for up to RETRY_BUDGET_MS
// (so are 408, 502 and 504).
// Every exchange is tallied; every booking the API acknowledged, and every
// transition of it, is kept for the checker.
import { type ApiAnswer, call } from "../tests/support/busbook_client.ts";
import type { AppSlot } from "./world.ts";

export type WriteOp = "book" | "hold" | "confirm" | "cancel";

export const RETRY_BUDGET_MS = 60_000;

/** How a logical operation ended, after its retries. */
export type Final = "ok" | "conflict" | "rejected" | "server_error" | "gave_up";

export interface Tally {
  attempts: Record<WriteOp, Record<Final, number>>;
  requests: number;
  retries: number;
  /** Answers by status (0: no answer). */
  statuses: Map<number, number>;
  /** 4xx other than 409, by code: none is expected. */
  rejectedCodes: Map<string, number>;
  /** 5xx answers without Retry-After. */
  bare5xx: number;
  /** 500 answers (bugs). */
  internal: number;
  /** A few of each, for the report. */
  examples: string[];
  /** The harness itself failed (a run with these proves nothing). */
  harnessErrors: string[];
}

/** A booking as the API last acknowledged it. */
export interface AckedBooking {
  id: number;
  userId: number;
  tripId: number;
  seatIds: number[];
  state: string;
  /** Transitions sent after that acknowledgement that ended without one. */
  unsure: Set<"confirm" | "cancel">;
}

/** Every book/hold Idempotency-Key and what its request ended as. */
export interface KeyOutcome {
  final: Final;
  bookingId?: number;
}

export interface Recorder {
  tally: Tally;
  acked: Map<number, AckedBooking>;
  keys: Map<string, KeyOutcome>;
}

export function newRecorder(): Recorder {
  const finals = (): Record<Final, number> => ({
    ok: 0,
    conflict: 0,
    rejected: 0,
    server_error: 0,
    gave_up: 0,
  });
  return {
    tally: {
      attempts: {
        book: finals(),
        hold: finals(),
        confirm: finals(),
        cancel: finals(),
      },
      requests: 0,
      retries: 0,
      statuses: new Map(),
      rejectedCodes: new Map(),
      bare5xx: 0,
      internal: 0,
      examples: [],
      harnessErrors: [],
    },
    acked: new Map(),
    keys: new Map(),
  };
}

const RETRYABLE = new Set([0, 408, 502, 503, 504]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function note(tally: Tally, label: string, answer: ApiAnswer) {
  tally.requests++;
  tally.statuses.set(
    answer.status,
    (tally.statuses.get(answer.status) ?? 0) + 1,
  );
  const bare = answer.status >= 500 && !answer.retryAfter;
  if (bare) tally.bare5xx++;
  if (answer.status === 500) tally.internal++;
  if ((bare || answer.status === 500) && tally.examples.length < 10) {
    tally.examples.push(
      `${label} → ${answer.status} ${
        JSON.stringify(answer.body)?.slice(0, 200)
      }`,
    );
  }
}

/**
 * Sends one request to a live instance, retrying as the contract says.
 * @returns the last answer and how the operation ended.
 */
export async function send(
  recorder: Recorder,
  live: () => AppSlot[],
  request: {
    label: string;
    method: string;
    path: string;
    body?: unknown;
    token: string;
    idempotencyKey?: string;
  },
): Promise<{ answer: ApiAnswer; final: Final }> {
  const { tally } = recorder;
  const started = Date.now();
  for (let attempt = 0;; attempt++) {
    const slots = live();
    if (slots.length === 0) {
      await sleep(100);
      if (Date.now() - started > RETRY_BUDGET_MS) {
        return {
          answer: { status: 0, retryAfter: null, body: undefined },
          final: "gave_up",
        };
      }
      continue;
    }
    const slot = slots[Math.floor(Math.random() * slots.length)];
    if (attempt > 0) tally.retries++;
    const answer = await call(
      slot.url,
      request.method,
      request.path,
      request.body,
      {
        token: request.token,
        idempotencyKey: request.idempotencyKey,
        timeoutMs: 30_000,
      },
    );
    note(tally, request.label, answer);
    if (!RETRYABLE.has(answer.status)) {
      const final: Final = answer.status < 300
        ? "ok"
        : answer.status === 409
        ? "conflict"
        : answer.status < 500
        ? "rejected"
        : "server_error";
      if (final === "rejected") {
        const code = `${answer.status} ${answer.body?.error?.code ?? "?"}`;
        tally.rejectedCodes.set(code, (tally.rejectedCodes.get(code) ?? 0) + 1);
      }
      return { answer, final };
    }
    if (Date.now() - started > RETRY_BUDGET_MS) {
      return { answer, final: "gave_up" };
    }
    const hinted = Number(answer.retryAfter) * 1000;
    const backoff = Math.min(100 * 2 ** attempt, 2000) * (0.5 + Math.random());
    await sleep(
      Number.isFinite(hinted) && hinted > 0 ? Math.min(hinted, 5000) : backoff,
    );
  }
}

/** POSTs a booking or a hold under a fresh key; records the outcome. */
export async function reserve(
  recorder: Recorder,
  live: () => AppSlot[],
  passenger: { id: number; token: string },
  op: "book" | "hold",
  tripId: number,
  seatIds: number[],
): Promise<{ final: Final; bookingId?: number; code?: string }> {
  const key = crypto.randomUUID();
  const { answer, final } = await send(recorder, live, {
    label: op,
    method: "POST",
    path: op === "book" ? "/api/bookings" : "/api/holds",
    body: { tripId, seatIds },
    token: passenger.token,
    idempotencyKey: key,
  });
  recorder.tally.attempts[op][final]++;
  const booking = final === "ok" ? answer.body?.booking : undefined;
  recorder.keys.set(key, { final, bookingId: booking?.id });
  if (booking) {
    recorder.acked.set(booking.id, {
      id: booking.id,
      userId: passenger.id,
      tripId,
      seatIds: [...seatIds].sort((a, b) => a - b),
      state: booking.status,
      unsure: new Set(),
    });
  }
  return { final, bookingId: booking?.id, code: answer.body?.error?.code };
}

/** Confirms or cancels an acknowledged booking; records the outcome. */
export async function transition(
  recorder: Recorder,
  live: () => AppSlot[],
  passenger: { token: string },
  bookingId: number,
  verb: "confirm" | "cancel",
): Promise<Final> {
  const { answer, final } = await send(recorder, live, {
    label: verb,
    method: "POST",
    path: `/api/bookings/${bookingId}/${verb}`,
    token: passenger.token,
    idempotencyKey: crypto.randomUUID(),
  });
  recorder.tally.attempts[verb][final]++;
  const acked = recorder.acked.get(bookingId);
  if (!acked) return final;
  if (final === "ok") {
    acked.state = answer.body.booking.status;
    acked.unsure.clear();
  } else if (final === "gave_up" || final === "server_error") {
    acked.unsure.add(verb);
  } else if (answer.body?.error?.code === "HOLD_EXPIRED") {
    acked.state = "EXPIRED";
  }
  return final;
}
