// The booking scenarios of a chaos run, mixed: each worker is a passenger
// who, over and over, picks one of
//   hot seat     everyone books the same two seats of a small trip
//   rush         read the seat map, book a seat that looked free
//   overlap      book 2–3 adjacent seats of a small trip; cancel a win
//   hold         hold a seat, then confirm it, cancel it or let it lapse
//   cancel       book a free seat and cancel it straight away
// A trip a scenario has filled is replaced by a fresh one (the admin API,
// through the same faults). Every write goes through client.ts.
import { call } from "../tests/support/busbook_client.ts";
import { type Recorder, reserve, send, transition } from "./client.ts";
import type { AppSlot } from "./world.ts";

export const SCENARIOS = ["hot", "rush", "overlap", "hold", "cancel"] as const;
type Scenario = typeof SCENARIOS[number];

const WEIGHTS: Record<Scenario, number> = {
  hot: 2,
  rush: 3,
  overlap: 2,
  hold: 2,
  cancel: 2,
};
const SEATS: Record<Scenario, number> = {
  hot: 4,
  rush: 40,
  overlap: 12,
  hold: 20,
  cancel: 20,
};
/** Conflicts in a row after which a scenario's trip counts as full. */
const FULL_AFTER = 25;

export interface Passenger {
  id: number;
  token: string;
}

interface TripState {
  id: number;
  seatIds: number[];
  conflictsInARow: number;
}

/** The current trip of each scenario, replaced when it fills up. */
class Trips {
  readonly #current = new Map<Scenario, TripState>();
  readonly #replacing = new Map<Scenario, Promise<TripState>>();
  created = 0;

  constructor(
    private readonly recorder: Recorder,
    private readonly live: () => AppSlot[],
    private readonly adminToken: string,
  ) {}

  async get(scenario: Scenario): Promise<TripState> {
    return this.#current.get(scenario) ?? await this.replace(scenario);
  }

  replace(scenario: Scenario): Promise<TripState> {
    const running = this.#replacing.get(scenario);
    if (running) return running;
    const next = this.#create(scenario).finally(() =>
      this.#replacing.delete(scenario)
    );
    this.#replacing.set(scenario, next);
    return next;
  }

  async #create(scenario: Scenario): Promise<TripState> {
    for (let tries = 1;; tries++) {
      if (tries > 10) throw new Error(`could not create a ${scenario} trip`);
      const id = crypto.randomUUID().slice(0, 8);
      const departs = Date.now() + 2 * 86_400_000 +
        Math.floor(Math.random() * 86_400_000);
      const { answer } = await send(this.recorder, this.live, {
        label: "admin create trip",
        method: "POST",
        path: "/api/admin/trips",
        body: {
          name: `Chaos ${scenario} ${id}`,
          origin: `Chaosville ${id}`,
          destination: `Faultburg ${id}`,
          departsAt: new Date(departs).toISOString(),
          arrivesAt: new Date(departs + 3 * 3_600_000).toISOString(),
          totalSeats: SEATS[scenario],
          price: 12.5,
        },
        token: this.adminToken,
        idempotencyKey: crypto.randomUUID(),
      });
      if (answer.status !== 201) continue;
      const seatIds = await this.#seatIds(answer.body.trip.id);
      const trip = { id: answer.body.trip.id, seatIds, conflictsInARow: 0 };
      this.#current.set(scenario, trip);
      this.created++;
      return trip;
    }
  }

  async #seatIds(tripId: number): Promise<number[]> {
    for (let tries = 1;; tries++) {
      const seats = await seatMap(this.recorder, this.live, tripId);
      if (seats) return seats.map((seat) => seat.id);
      if (tries > 50) throw new Error(`no seat map for trip ${tripId}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** GET /api/trips/:id (retried like a write); undefined if it never came. */
async function seatMap(
  recorder: Recorder,
  live: () => AppSlot[],
  tripId: number,
): Promise<{ id: number; status: string }[] | undefined> {
  const slots = live();
  if (slots.length === 0) return undefined;
  const slot = slots[Math.floor(Math.random() * slots.length)];
  const answer = await call(
    slot.url,
    "GET",
    `/api/trips/${tripId}`,
    undefined,
    {
      timeoutMs: 30_000,
    },
  );
  recorder.tally.requests++;
  recorder.tally.statuses.set(
    answer.status,
    (recorder.tally.statuses.get(answer.status) ?? 0) + 1,
  );
  if (answer.status >= 500 && !answer.retryAfter) recorder.tally.bare5xx++;
  if (answer.status === 500) recorder.tally.internal++;
  return answer.status === 200 ? answer.body.seats : undefined;
}

function pickScenario(): Scenario {
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  let roll = Math.random() * total;
  for (const scenario of SCENARIOS) {
    roll -= WEIGHTS[scenario];
    if (roll < 0) return scenario;
  }
  return "rush";
}

const pick = <T>(items: readonly T[]): T =>
  items[Math.floor(Math.random() * items.length)];

export interface Workload {
  trips: Trips;
  /** Runs one passenger until `done()`. */
  worker(passenger: Passenger, done: () => boolean): Promise<void>;
}

export function createWorkload(
  recorder: Recorder,
  live: () => AppSlot[],
  adminToken: string,
): Workload {
  const trips = new Trips(recorder, live, adminToken);

  async function attempt(scenario: Scenario, passenger: Passenger) {
    const trip = await trips.get(scenario);
    let seatIds: number[];
    if (scenario === "hot") {
      seatIds = [pick(trip.seatIds.slice(0, 2))];
    } else if (scenario === "overlap") {
      const size = 2 + Math.floor(Math.random() * 2);
      const start = Math.floor(
        Math.random() * (trip.seatIds.length - size + 1),
      );
      seatIds = trip.seatIds.slice(start, start + size).sort(() =>
        Math.random() - 0.5
      );
    } else {
      const seats = await seatMap(recorder, live, trip.id);
      const free = seats?.filter((seat) => seat.status === "AVAILABLE") ?? [];
      if (seats && free.length === 0) {
        await trips.replace(scenario);
        return;
      }
      seatIds = [
        pick(free.length ? free : trip.seatIds.map((id) => ({ id })))
          .id,
      ];
    }
    const op = scenario === "hold" ? "hold" : "book";
    const result = await reserve(
      recorder,
      live,
      passenger,
      op,
      trip.id,
      seatIds,
    );
    if (result.final === "conflict") {
      if (++trip.conflictsInARow >= FULL_AFTER) await trips.replace(scenario);
      return;
    }
    trip.conflictsInARow = 0;
    if (result.final !== "ok" || result.bookingId === undefined) return;
    if (scenario === "overlap" || scenario === "cancel") {
      await transition(recorder, live, passenger, result.bookingId, "cancel");
    } else if (scenario === "hold") {
      const roll = Math.random();
      if (roll < 0.5) {
        await transition(
          recorder,
          live,
          passenger,
          result.bookingId,
          "confirm",
        );
      } else if (roll < 0.75) {
        await transition(recorder, live, passenger, result.bookingId, "cancel");
      } // else: walk away; the hold lapses after HOLD_MINUTES.
    }
  }

  return {
    trips,
    worker: async (passenger, done) => {
      while (!done()) {
        try {
          await attempt(pickScenario(), passenger);
        } catch (error) {
          // A harness failure must not look like a clean run.
          recorder.tally.harnessErrors.push(String(error));
        }
      }
    },
  };
}
