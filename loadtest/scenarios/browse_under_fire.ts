// Scenario 5, browse under fire: READERS passengers browse (home page, trip
// page, GET /api/trips and GET /api/trips/:id) while BOOKERS passengers
// storm the same trip with bookings and cancellations, which invalidate
// its cached seat map again and again. Proves the read paths stay fast
// (p95 thresholds per endpoint, READ_P95_MS) and correct (every read
// answers 200 with the whole seat map) under write load, with no 5xx.
import { check, sleep } from "k6";
import {
  adminToken,
  book,
  bookingOf,
  cancel,
  createTrip,
  getSeatsSync,
  pick,
  registerUsers,
  type Seat,
  tripDetails,
} from "../support/busbook.ts";
import { bodyOf, send } from "../support/api.ts";
import { recordBooking } from "../support/outcomes.ts";

const BOOKERS = Number(__ENV.BOOKERS ?? 200);
const READERS = Number(__ENV.READERS ?? 50);
const SEATS = Number(__ENV.SEATS ?? 60);
const DURATION = __ENV.DURATION ?? "60s";
const READ_P95_MS = Number(__ENV.READ_P95_MS ?? 1000);

export const options = {
  setupTimeout: "5m",
  scenarios: {
    bookers: {
      executor: "constant-vus",
      exec: "storm",
      vus: BOOKERS,
      duration: DURATION,
    },
    readers: {
      executor: "constant-vus",
      exec: "browse",
      vus: READERS,
      duration: DURATION,
    },
  },
  thresholds: {
    "http_req_duration{name:home}": [`p(95)<${READ_P95_MS}`],
    "http_req_duration{name:trip_page}": [`p(95)<${READ_P95_MS}`],
    "http_req_duration{name:trips_api}": [`p(95)<${READ_P95_MS}`],
    "http_req_duration{name:trip_api}": [`p(95)<${READ_P95_MS}`],
    http_req_failed: ["rate==0"],
    server_errors: ["count==0"],
    deadlocks: ["count==0"],
    bookings_ok: ["count>0"],
    checks: ["rate==1"],
  },
};

interface Data {
  trip: { id: number; name: string };
  seatIds: number[];
  tokens: string[];
}

export function setup(): Data {
  const admin = adminToken();
  const trip = createTrip(admin, "browse", SEATS);
  return {
    trip: { id: trip.id, name: trip.name },
    seatIds: getSeatsSync(trip.id).map((s) => s.id),
    tokens: registerUsers(BOOKERS, "storm"),
  };
}

/** A booker books one or two random seats and cancels when it wins. */
export async function storm(data: Data) {
  const token = data.tokens[(__VU - 1) % data.tokens.length];
  const wanted = [pick(data.seatIds)];
  const res = await book(token, data.trip.id, wanted);
  recordBooking(res);
  check(res, {
    "storm: booked (201) or lost cleanly (409)": (r) =>
      r.status === 201 || r.status === 409,
  });
  if (res.status === 201) {
    const cancelled = await cancel(token, bookingOf(res)!.id);
    check(cancelled, {
      "storm: the winner's cancel answers 200": (r) => r.status === 200,
    });
  }
}

/** A reader looks at the home page, the trip page and the two trip APIs. */
export async function browse(data: Data) {
  const home = await send({ method: "GET", path: "/", name: "home" });
  check(home, { "home page answers 200": (r) => r.status === 200 });

  const page = await send({
    method: "GET",
    path: `/trips/${data.trip.id}`,
    name: "trip_page",
  });
  check(page, {
    "trip page answers 200 with the trip's name": (r) =>
      r.status === 200 && String(r.body).includes(data.trip.name),
  });

  const list = await send({
    method: "GET",
    path: "/api/trips",
    name: "trips_api",
  });
  check(list, {
    "GET /api/trips answers 200 with a list": (r) =>
      r.status === 200 && Array.isArray(bodyOf<{ trips: unknown }>(r)?.trips),
  });

  const details = await tripDetails(data.trip.id);
  check(details, {
    "GET /api/trips/:id answers 200 with every seat": (r) =>
      r.status === 200 &&
      bodyOf<{ seats: Seat[] }>(r)?.seats.length === data.seatIds.length,
  });
  await sleep(0.2);
}

export function teardown(data: Data) {
  const seats = getSeatsSync(data.trip.id);
  check(seats, {
    "every seat is free again after the storm's cancels": (s) =>
      s.every((seat) => seat.status === "AVAILABLE"),
  });
}
