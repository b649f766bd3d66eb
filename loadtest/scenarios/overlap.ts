// Scenario 3, overlap: VUS passengers for DURATION book 2–4 adjacent seats
// out of a small trip (SEATS seats), listing the seat ids in random order,
// and cancel right away when they win, so the same rows are locked over and
// over by overlapping multi-seat transactions. A booking path that locked
// rows in request order would deadlock here; this proves none surfaces: no
// 5xx, no 409 other than SEATS_UNAVAILABLE, every 201 owns exactly what it
// asked for, and every seat is free again at the end.
import { check } from "k6";
import {
  adminToken,
  book,
  bookingOf,
  cancel,
  createTrip,
  errorOf,
  getSeatsSync,
  registerUsers,
  shuffled,
} from "../support/busbook.ts";
import { sameIds } from "../support/api.ts";
import { CLEAN_RUN_THRESHOLDS, recordBooking } from "../support/outcomes.ts";

const VUS = Number(__ENV.VUS ?? 200);
const SEATS = Number(__ENV.SEATS ?? 16);
const DURATION = __ENV.DURATION ?? "30s";

export const options = {
  setupTimeout: "5m",
  scenarios: {
    overlap: { executor: "constant-vus", vus: VUS, duration: DURATION },
  },
  thresholds: {
    bookings_ok: ["count>0"],
    ...CLEAN_RUN_THRESHOLDS,
  },
};

interface Data {
  tripId: number;
  seatIds: number[];
  tokens: string[];
}

export function setup(): Data {
  const admin = adminToken();
  const trip = createTrip(admin, "overlap", SEATS);
  return {
    tripId: trip.id,
    seatIds: getSeatsSync(trip.id).map((s) => s.id),
    tokens: registerUsers(VUS, "overlap"),
  };
}

export default async function (data: Data) {
  const token = data.tokens[(__VU - 1) % data.tokens.length];
  const size = 2 + Math.floor(Math.random() * 3);
  const start = Math.floor(Math.random() * (data.seatIds.length - size + 1));
  const wanted = shuffled(data.seatIds.slice(start, start + size));

  const res = await book(token, data.tripId, wanted);
  recordBooking(res);
  check(res, {
    "booked (201) or lost cleanly (409)": (r) =>
      r.status === 201 || r.status === 409,
    "a 201 owns exactly the seats asked for": (r) =>
      r.status !== 201 || sameIds(bookingOf(r)?.seatIds ?? [], wanted),
    "a 409 names only seats that were asked for": (r) => {
      if (r.status !== 409) return true;
      const named = errorOf(r)?.seatIds ?? [];
      return named.length > 0 && named.every((id) => wanted.includes(id));
    },
  });
  if (res.status !== 201) return;

  const cancelled = await cancel(token, bookingOf(res)!.id);
  check(cancelled, {
    "the winner's cancel answers 200 CANCELLED": (r) =>
      r.status === 200 && bookingOf(r)?.status === "CANCELLED",
  });
}

export function teardown(data: Data) {
  const seats = getSeatsSync(data.tripId);
  check(seats, {
    "every seat is free again after the cancels": (s) =>
      s.every((seat) => seat.status === "AVAILABLE"),
  });
}
