// A booking storm as real clients send it: each worker books one free seat
// at a time with an Idempotency-Key, and on a 503 or a dropped connection
// retries the same request (same key) after a short pause, until it gets
// an answer that is not 503 or the storm's deadline passes. Every try is
// counted by outcome, with the time it was sent and answered.

export interface StormTry {
  sentAt: number;
  answeredAt: number;
  /** HTTP status, or 0 for a network error. */
  status: number;
  retryAfter: string | null;
}

export interface StormBooking {
  seatId: number;
  key: string;
  /** The booking id of the final 201, if one came. */
  bookingId?: number;
  finalStatus?: number;
  tries: StormTry[];
}

export interface StormOptions {
  baseUrl: string;
  tripId: number;
  /** One bearer token per worker. */
  tokens: string[];
  seatIds: number[];
  /** Pause before a retry (the app's Retry-After is a ceiling). */
  retryPauseMs?: number;
  /** Per try. */
  requestTimeoutMs?: number;
}

export class BookingStorm {
  readonly bookings: StormBooking[] = [];
  readonly #options: StormOptions;
  #stopping = false;
  #deadline = Infinity;
  #nextSeat = 0;
  #running?: Promise<void[]>;

  constructor(options: StormOptions) {
    this.#options = options;
  }

  start(): void {
    this.#running = Promise.all(
      this.#options.tokens.map((token) => this.#worker(token)),
    );
  }

  /** 201s so far. */
  get acknowledged(): StormBooking[] {
    return this.bookings.filter((b) => b.finalStatus === 201);
  }

  /** Stops starting new bookings; retries stop at `deadline` (epoch ms). */
  async finish(deadline: number): Promise<void> {
    this.#stopping = true;
    this.#deadline = deadline;
    await this.#running;
  }

  /** Every try of every booking, oldest first. */
  tries(): StormTry[] {
    return this.bookings.flatMap((b) => b.tries).sort((a, b) =>
      a.sentAt - b.sentAt
    );
  }

  async #worker(token: string): Promise<void> {
    while (!this.#stopping && this.#nextSeat < this.#options.seatIds.length) {
      const booking: StormBooking = {
        seatId: this.#options.seatIds[this.#nextSeat++],
        key: crypto.randomUUID(),
        tries: [],
      };
      this.bookings.push(booking);
      await this.#book(token, booking);
    }
  }

  async #book(token: string, booking: StormBooking): Promise<void> {
    const { baseUrl, tripId } = this.#options;
    while (Date.now() < this.#deadline) {
      const sentAt = Date.now();
      let status = 0;
      let retryAfter: string | null = null;
      let body: { booking?: { id: number } } | undefined;
      try {
        const response = await fetch(`${baseUrl}/api/bookings`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/json",
            "idempotency-key": booking.key,
          },
          body: JSON.stringify({ tripId, seatIds: [booking.seatId] }),
          signal: AbortSignal.timeout(this.#options.requestTimeoutMs ?? 15_000),
        });
        status = response.status;
        retryAfter = response.headers.get("retry-after");
        body = await response.json().catch(() => undefined);
      } catch {
        // A dropped connection: the same request again, with its key.
      }
      booking.tries.push({
        sentAt,
        answeredAt: Date.now(),
        status,
        retryAfter,
      });
      if (status !== 0 && status !== 503) {
        booking.finalStatus = status;
        booking.bookingId = body?.booking?.id;
        return;
      }
      await new Promise((resolve) =>
        setTimeout(resolve, this.#options.retryPauseMs ?? 250)
      );
    }
  }
}
