// State shared by the SeatMap and BookingPanel islands on a trip page.
// Module-level shared values (store.ts): both islands' bundles import this
// module from the one shared chunk, so they see the same values.
import { shared } from "./store.ts";
import type { Seat } from "../../lib/trips/seat_status.ts";

/** The passenger's hold, once "Hold seats" succeeded. */
export interface Hold {
  bookingId: number;
  seatIds: number[];
  /** Milliseconds since the epoch on this browser's clock. */
  expiresAt: number;
}

export interface PanelMessage {
  tone: "info" | "success" | "error";
  text: string;
}

/** Every seat of the trip, by id; the map seeds it from its props. */
export const seats = shared<Record<number, Seat>>({});

/** Seat ids the passenger picked, in the order picked. */
export const selectedSeatIds = shared<number[]>([]);

/** The current hold, or null. While it exists the selection is frozen. */
export const currentHold = shared<Hold | null>(null);

/**
 * Seats of a hold request still on its way. The live stream can announce
 * the passenger's own hold before the request itself returns: those seats
 * are theirs, not "taken by someone else".
 */
export const holdInFlight = shared<number[]>([]);

/** True once the live stream says the operator cancelled the trip. */
export const tripCancelled = shared(false);

/** The traveller's name typed for each selected seat, by seat id. */
export const travellerNames = shared<Record<number, string>>({});

/** The latest message for the booking panel (e.g. a seat taken meanwhile). */
export const panelMessage = shared<PanelMessage | null>(null);

/** Replaces seat states with fresh ones and drops selections that got taken. */
export function updateSeats(fresh: readonly Seat[]): number[] {
  const next = { ...seats.value };
  for (const seat of fresh) next[seat.id] = seat;
  seats.value = next;
  const held = new Set([
    ...currentHold.value?.seatIds ?? [],
    ...holdInFlight.value,
  ]);
  const lost = selectedSeatIds.value.filter((id) =>
    next[id]?.status !== "AVAILABLE" && !held.has(id)
  );
  if (lost.length) {
    selectedSeatIds.value = selectedSeatIds.value.filter((id) =>
      !lost.includes(id)
    );
  }
  return lost;
}

/**
 * True when the current hold's seats read as free again before it ran out:
 * the hold was ended elsewhere (an operator, the trip's cancellation,
 * another tab).
 */
export function holdEndedElsewhere(): boolean {
  const hold = currentHold.value;
  if (!hold || hold.expiresAt <= Date.now()) return false;
  return hold.seatIds.some((id) => seats.value[id]?.status === "AVAILABLE");
}

/** Adds or removes a seat from the selection, up to `max` seats. */
export function toggleSeat(id: number, max: number): boolean {
  const picked = selectedSeatIds.value;
  if (picked.includes(id)) {
    selectedSeatIds.value = picked.filter((seatId) => seatId !== id);
    return true;
  }
  if (picked.length >= max) return false;
  selectedSeatIds.value = [...picked, id];
  return true;
}

/** Seat numbers of the given ids, ascending. */
export function seatNumbers(ids: readonly number[]): number[] {
  return ids.map((id) => seats.value[id]?.seatNumber ?? 0).filter(Boolean).sort(
    (
      a,
      b,
    ) => a - b,
  );
}

/** "Sorry, seats 4 and 5 were just taken by someone else. …" */
export function takenText(numbers: readonly number[]): string {
  if (numbers.length === 0) return "Those seats are no longer available.";
  const list = numbers.length === 1
    ? `seat ${numbers[0]} was`
    : `seats ${numbers.slice(0, -1).join(", ")} and ${
      numbers[numbers.length - 1]
    } were`;
  return `Sorry, ${list} just taken by someone else. Please choose another seat.`;
}

/**
 * What the given seats cost, in cents: each seat's own price as the live
 * seats carry it (a berth or single seat adds its supplement), else
 * `fallbackCents` for a seat whose price is unknown. The server charges
 * the same sum (lib/bookings/reserve.ts).
 */
export function seatsCents(
  ids: readonly number[],
  fallbackCents: number,
): number {
  return ids.reduce((sum, id) => {
    const price = (seats.value[id] as { price?: number } | undefined)?.price;
    return sum +
      (price === undefined ? fallbackCents : Math.round(price * 100));
  }, 0);
}
