// Scenario 2, seat rush: VUS passengers, one trip of SEATS seats, everyone
// wants one seat. Each passenger reads the seat map, picks a random free
// seat and books it, and on a 409 tries again, until they have a seat or
// the trip is sold out. Proves: every seat is sold (bookings_ok == SEATS),
// none twice (seats_sold == SEATS with every seat BOOKED), no 5xx.
import { check, sleep } from "k6";
import { Counter } from "k6/metrics";
import {
  adminToken,
  book,
  bookingOf,
  createTrip,
  getSeats,
  getSeatsSync,
  pick,
  registerUsers,
} from "../support/busbook.ts";
import { sameIds } from "../support/api.ts";
import { CLEAN_RUN_THRESHOLDS, recordBooking } from "../support/outcomes.ts";

const VUS = Number(__ENV.VUS ?? 200);
const SEATS = Number(__ENV.SEATS ?? 100);
const MAX_ATTEMPTS = 50;

const seatsSold = new Counter("seats_sold");
const gaveUp = new Counter("passengers_gave_up");

export const options = {
  setupTimeout: "5m",
  scenarios: {
    seat_rush: {
      executor: "per-vu-iterations",
      vus: VUS,
      iterations: 1,
      maxDuration: "3m",
    },
  },
  thresholds: {
    bookings_ok: [`count==${SEATS}`],
    seats_sold: [`count==${SEATS}`],
    passengers_gave_up: ["count==0"],
    ...CLEAN_RUN_THRESHOLDS,
  },
};

interface Data {
  tripId: number;
  tokens: string[];
}

export function setup(): Data {
  const admin = adminToken();
  const trip = createTrip(admin, "seat rush", SEATS);
  return { tripId: trip.id, tokens: registerUsers(VUS, "rush") };
}

export default async function (data: Data) {
  const token = data.tokens[(__VU - 1) % data.tokens.length];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const free = (await getSeats(data.tripId)).filter((s) =>
      s.status === "AVAILABLE"
    );
    if (free.length === 0) return; // sold out: this passenger goes home
    const seat = pick(free);
    const res = await book(token, data.tripId, [seat.id]);
    recordBooking(res);
    check(res, {
      "booked (201) or lost the seat (409)": (r) =>
        r.status === 201 || r.status === 409,
    });
    if (res.status === 201) {
      const booking = bookingOf(res);
      check(booking, {
        "a 201 owns exactly the seat asked for": (b) =>
          sameIds(b?.seatIds ?? [], [seat.id]) && b?.status === "CONFIRMED",
      });
      seatsSold.add(booking?.seatIds.length ?? 0);
      return;
    }
    if (res.status !== 409) await sleep(0.2);
  }
  gaveUp.add(1);
}

export function teardown(data: Data) {
  const seats = getSeatsSync(data.tripId);
  check(seats, {
    "sold out: every seat ends BOOKED": (s) =>
      s.length === SEATS && s.every((seat) => seat.status === "BOOKED"),
  });
}
