// The seat map's shared state in the browser (islands/shared/seat_state.ts
// and hold_end.ts), run here as plain modules: what the live stream's
// updates do to the passenger's selection and hold.
import assert from "node:assert/strict";
import type { Seat } from "../lib/trips/seat_status.ts";
import {
  currentHold,
  holdEndedElsewhere,
  holdInFlight,
  seats,
  seatsCents,
  selectedSeatIds,
  updateSeats,
} from "../islands/shared/seat_state.ts";
import { endedHoldText } from "../islands/shared/hold_end.ts";

const seat = (id: number, status: Seat["status"]): Seat => ({
  id,
  seatNumber: id,
  status,
});

function reset(selected: number[]) {
  seats.value = Object.fromEntries(
    [1, 2, 3, 4].map((id) => [id, seat(id, "AVAILABLE")]),
  );
  selectedSeatIds.value = selected;
  currentHold.value = null;
  holdInFlight.value = [];
}

Deno.test("the live echo of the passenger's own hold, still in flight, keeps the selection", () => {
  reset([3, 4]);
  holdInFlight.value = [3, 4];
  const lost = updateSeats([seat(3, "LOCKED"), seat(4, "LOCKED")]);
  assert.deepEqual(lost, []);
  assert.deepEqual(selectedSeatIds.value, [3, 4]);
});

Deno.test("control: without the in-flight hold the same echo reads as seats taken (the old defect)", () => {
  reset([3, 4]);
  const lost = updateSeats([seat(3, "LOCKED"), seat(4, "LOCKED")]);
  assert.deepEqual(lost, [3, 4]);
  assert.deepEqual(selectedSeatIds.value, []);
});

Deno.test("a seat someone else takes during the hold request still counts as taken", () => {
  reset([2, 3, 4]);
  holdInFlight.value = [3, 4];
  const lost = updateSeats([seat(2, "BOOKED"), seat(3, "LOCKED")]);
  assert.deepEqual(lost, [2]);
  assert.deepEqual(selectedSeatIds.value, [3, 4]);
});

Deno.test("a hold whose seats turn free before it runs out has ended elsewhere", () => {
  reset([3, 4]);
  currentHold.value = {
    bookingId: 9,
    seatIds: [3, 4],
    expiresAt: Date.now() + 60_000,
  };
  updateSeats([seat(3, "LOCKED"), seat(4, "LOCKED")]);
  assert.equal(holdEndedElsewhere(), false);
  updateSeats([seat(3, "AVAILABLE"), seat(4, "AVAILABLE")]);
  assert.equal(holdEndedElsewhere(), true);
  currentHold.value = { ...currentHold.value, expiresAt: Date.now() - 1 };
  assert.equal(holdEndedElsewhere(), false, "an expired hold ends by itself");
});

Deno.test("an ended hold is explained in one sentence each, with what happened to the money", () => {
  assert.equal(
    endedHoldText("CANCELLED", "CANCELLED"),
    "The operator cancelled this trip, so your hold has ended. No charge was made.",
  );
  assert.equal(
    endedHoldText("SCHEDULED", "CANCELLED"),
    "Your hold was cancelled, so these seats are no longer held for you. No charge was made.",
  );
  assert.equal(
    endedHoldText("SCHEDULED", "EXPIRED"),
    "Your hold expired. Select your seats again.",
  );
  assert.equal(
    endedHoldText(undefined, undefined),
    "Your hold has ended. Select your seats again.",
  );
});

Deno.test("a selection costs each seat's own price (issue 14), the trip's for a seat without one", () => {
  seats.value = {
    1: { ...seat(1, "AVAILABLE"), price: 25 } as Seat,
    2: { ...seat(2, "AVAILABLE"), price: 28 } as Seat,
    3: seat(3, "AVAILABLE"),
  };
  assert.equal(seatsCents([1, 2], 2500), 5300);
  assert.equal(seatsCents([3], 2500), 2500);
});
