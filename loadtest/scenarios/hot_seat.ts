// Scenario 1, hot seat: VUS passengers press "Book" on the same seat at the
// same moment. Exactly one gets 201; everyone else gets a clean 409 naming
// the seat; nobody sees a 5xx; afterwards the seat is BOOKED and no other
// seat of the trip changed.
//
//   k6 run -e BASE_URL=… -e ADMIN_EMAIL=… -e ADMIN_PASSWORD=… hot_seat.ts
import { check } from "k6";
import {
  adminToken,
  book,
  bookingOf,
  createTrip,
  errorOf,
  getSeatsSync,
  registerUsers,
} from "../support/busbook.ts";
import { sameIds } from "../support/api.ts";
import { CLEAN_RUN_THRESHOLDS, recordBooking } from "../support/outcomes.ts";

const VUS = Number(__ENV.VUS ?? 200);

export const options = {
  setupTimeout: "5m",
  scenarios: {
    hot_seat: {
      executor: "per-vu-iterations",
      vus: VUS,
      iterations: 1,
      maxDuration: "2m",
    },
  },
  thresholds: {
    bookings_ok: ["count==1"],
    bookings_conflict: [`count==${VUS - 1}`],
    ...CLEAN_RUN_THRESHOLDS,
  },
};

interface Data {
  tripId: number;
  seatId: number;
  tokens: string[];
}

export function setup(): Data {
  const admin = adminToken();
  const trip = createTrip(admin, "hot seat", 10);
  const seats = getSeatsSync(trip.id);
  return {
    tripId: trip.id,
    seatId: seats[0].id,
    tokens: registerUsers(VUS, "hot"),
  };
}

export default async function (data: Data) {
  const token = data.tokens[(__VU - 1) % data.tokens.length];
  const res = await book(token, data.tripId, [data.seatId]);
  recordBooking(res);
  check(res, {
    "booked (201) or lost cleanly (409)": (r) =>
      r.status === 201 || r.status === 409,
    "a 201 owns exactly the hot seat": (r) =>
      r.status !== 201 || sameIds(bookingOf(r)?.seatIds ?? [], [data.seatId]),
    "a 409 names the hot seat as SEATS_UNAVAILABLE": (r) => {
      if (r.status !== 409) return true;
      const error = errorOf(r);
      return error?.code === "SEATS_UNAVAILABLE" &&
        sameIds(error.seatIds ?? [], [data.seatId]);
    },
  });
}

export function teardown(data: Data) {
  const seats = getSeatsSync(data.tripId);
  check(seats, {
    "the hot seat ends BOOKED": (s) =>
      s.find((seat) => seat.id === data.seatId)?.status === "BOOKED",
    "no other seat of the trip changed": (s) =>
      s.filter((seat) => seat.id !== data.seatId).every((seat) =>
        seat.status === "AVAILABLE"
      ),
  });
}
