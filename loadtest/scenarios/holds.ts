// Scenario 4, holds: HOLDERS passengers each hold one seat of a trip with
// HOLDERS seats; the even ones confirm, the odd ones abandon their hold.
// Two other passengers then race for each abandoned seat; exactly one of
// them gets it. ABANDON says how a hold is abandoned:
//   expire (default)  walk away; the app must run with HOLD_MINUTES (1 is the
//                     minimum) and this run lasts that long. Rebookers keep
//                     trying from the start, so this also proves that a
//                     held seat cannot be booked before its hold expires,
//                     and that an expired hold needs no sweeper to be free.
//   cancel            cancel the hold (the quick variant for smoke tests:
//                     proves release-and-rebook, not expiry).
// Teardown: every seat is BOOKED, each abandoned hold is EXPIRED/CANCELLED
// and a late confirm of it gets 409, and a confirmed seat cannot be taken.
import { check, sleep } from "k6";
import { Counter } from "k6/metrics";
import exec from "k6/execution";
import {
  adminToken,
  book,
  type Booking,
  bookingOf,
  cancel,
  confirm,
  createTrip,
  getSeats,
  getSeatsSync,
  hold,
  myBookingsSync,
  registerUsers,
  requests,
} from "../support/busbook.ts";
import { sameIds, sendSync } from "../support/api.ts";
import { CLEAN_RUN_THRESHOLDS, recordBooking } from "../support/outcomes.ts";

const HOLDERS = 2 * Math.floor(Number(__ENV.HOLDERS ?? 100) / 2);
const ABANDONED = HOLDERS / 2;
const ABANDON = __ENV.ABANDON === "cancel" ? "cancel" : "expire";
const HOLD_MINUTES = Number(__ENV.HOLD_MINUTES ?? 1);
const HOLD_MS = HOLD_MINUTES * 60_000;
/** How long a rebooker keeps trying before giving up. */
const PATIENCE_MS = ABANDON === "expire" ? HOLD_MS + 60_000 : 30_000;

const holdsOk = new Counter("holds_ok");
const confirmsOk = new Counter("confirms_ok");
const gaveUp = new Counter("rebookers_gave_up");
// Informative, no threshold: how each expired hold was freed. The booking
// path ends an expired hold in the rebooking's own transaction (the hold's
// updatedAt equals the new booking's createdAt); otherwise the sweeper got
// there first.
const takenOver = new Counter("expired_holds_taken_over_by_booking");
const sweptFirst = new Counter("expired_holds_swept_first");

export const options = {
  setupTimeout: "5m",
  scenarios: {
    holders: {
      executor: "per-vu-iterations",
      vus: HOLDERS,
      iterations: 1,
      maxDuration: "1m",
    },
    rebookers: {
      executor: "per-vu-iterations",
      exec: "rebook",
      vus: 2 * ABANDONED,
      iterations: 1,
      startTime: __ENV.REBOOK_START ?? "2s",
      maxDuration: `${Math.ceil(PATIENCE_MS / 1000) + 30}s`,
    },
  },
  thresholds: {
    holds_ok: [`count==${HOLDERS}`],
    confirms_ok: [`count==${HOLDERS - ABANDONED}`],
    "bookings_ok{scenario:rebookers}": [`count==${ABANDONED}`],
    rebookers_gave_up: ["count==0"],
    ...CLEAN_RUN_THRESHOLDS,
  },
};

interface Data {
  tripId: number;
  seatIds: number[];
  holders: string[];
  rebookers: string[];
  raider: string;
  /** Every hold is made after this moment, so it expires after + HOLD_MS. */
  setupDoneAt: number;
}

export function setup(): Data {
  const admin = adminToken();
  const trip = createTrip(admin, "holds", HOLDERS);
  const seats = getSeatsSync(trip.id);
  const tokens = registerUsers(HOLDERS + 2 * ABANDONED + 1, "holds");
  return {
    tripId: trip.id,
    seatIds: seats.map((s) => s.id),
    holders: tokens.slice(0, HOLDERS),
    rebookers: tokens.slice(HOLDERS, HOLDERS + 2 * ABANDONED),
    raider: tokens[tokens.length - 1],
    setupDoneAt: Date.now(),
  };
}

/** Holder i holds seat i; even holders confirm, odd ones abandon. */
export default async function (data: Data) {
  const i = exec.scenario.iterationInTest;
  const token = data.holders[i];
  const seatId = data.seatIds[i];
  const held = await hold(token, data.tripId, [seatId]);
  const booking = bookingOf(held);
  if (held.status === 201) holdsOk.add(1);
  check(held, {
    "a hold answers 201 PENDING with exactly the seat": (r) =>
      r.status === 201 && booking?.status === "PENDING" &&
      sameIds(booking.seatIds, [seatId]),
    "a hold lasts HOLD_MINUTES": () => {
      const expiresAt = Date.parse(String(booking?.expiresAt));
      return Math.abs(expiresAt - Date.now() - HOLD_MS) < 30_000;
    },
  });
  if (!booking) return;

  if (i % 2 === 0) {
    const confirmed = await confirm(token, booking.id);
    if (confirmed.status === 200) confirmsOk.add(1);
    check(confirmed, {
      "a confirm in time answers 200 CONFIRMED": (r) =>
        r.status === 200 && bookingOf(r)?.status === "CONFIRMED",
    });
  } else if (ABANDON === "cancel") {
    const cancelled = await cancel(token, booking.id);
    check(cancelled, {
      "an abandoning cancel answers 200 CANCELLED": (r) =>
        r.status === 200 && bookingOf(r)?.status === "CANCELLED",
    });
  }
}

/** Rebookers 2k and 2k+1 race for the seat abandoned by holder 2k+1. */
export async function rebook(data: Data) {
  const j = exec.scenario.iterationInTest;
  const token = data.rebookers[j];
  const seatId = data.seatIds[2 * Math.floor(j / 2) + 1];
  const deadline = Date.now() + PATIENCE_MS;
  while (Date.now() < deadline) {
    const res = await book(token, data.tripId, [seatId]);
    recordBooking(res);
    if (res.status === 201) {
      check(res, {
        "a rebooking owns exactly the abandoned seat": (r) =>
          sameIds(bookingOf(r)?.seatIds ?? [], [seatId]),
        "no seat was rebooked while its hold was live": () =>
          ABANDON === "cancel" || Date.now() >= data.setupDoneAt + HOLD_MS,
      });
      return;
    }
    check(res, { "a refused rebooking answers 409": (r) => r.status === 409 });
    const seat = (await getSeats(data.tripId)).find((s) => s.id === seatId);
    if (seat?.status === "BOOKED") return; // the other rebooker won
    await sleep(1);
  }
  gaveUp.add(1);
}

function classifyTakeover(data: Data, i: number, abandoned: Booking) {
  const contenders = [data.rebookers[i - 1], data.rebookers[i]];
  for (const token of contenders) {
    const [winner] = myBookingsSync(token).filter((b) =>
      b.tripId === data.tripId && b.status === "CONFIRMED"
    );
    if (!winner) continue;
    if (winner.createdAt === abandoned.updatedAt) takenOver.add(1);
    else sweptFirst.add(1);
  }
}

export function teardown(data: Data) {
  const seats = getSeatsSync(data.tripId);
  check(seats, {
    "every seat ends BOOKED (confirmed or rebooked)": (s) =>
      s.every((seat) => seat.status === "BOOKED"),
  });

  for (let i = 1; i < HOLDERS; i += 2) {
    const token = data.holders[i];
    const [abandoned] = myBookingsSync(token).filter((b) =>
      b.tripId === data.tripId
    );
    check(abandoned, {
      "an abandoned hold ends EXPIRED or CANCELLED": (b) =>
        b?.status === (ABANDON === "cancel" ? "CANCELLED" : "EXPIRED"),
    });
    if (!abandoned) continue;
    if (ABANDON === "expire") classifyTakeover(data, i, abandoned);
    const late = sendSync(requests.confirm(token, abandoned.id));
    check(late, {
      "a late confirm of an abandoned hold answers 409": (r) =>
        r.status === 409,
    });
  }

  const raid = sendSync(
    requests.book(data.raider, data.tripId, [data.seatIds[0]]),
  );
  check(raid, {
    "a confirmed seat cannot be booked by anyone else": (r) => r.status === 409,
  });
}
