// What the booking panel's buttons do: hold the selected seats (with a
// traveller's name for each), confirm the hold, release it, or notice it
// ran out. Each action makes one Idempotency-Key and every retry reuses it.
import { shared } from "./store.ts";
import { callApi, newIdempotencyKey, refreshSeats } from "./api.ts";
import {
  currentHold,
  holdInFlight,
  panelMessage,
  seatNumbers,
  seats,
  selectedSeatIds,
  takenText,
  travellerNames,
} from "./seat_state.ts";
import { formatSeatList } from "../../lib/format.ts";

/** True while an action is on its way (buttons are disabled). */
export const panelBusy = shared(false);

type Reply = { booking: { id: number }; expiresAt?: string };

async function act(run: () => Promise<void>) {
  panelBusy.value = true;
  try {
    await run();
  } finally {
    panelBusy.value = false;
  }
}

async function takenMessage(tripId: number, ids: number[]) {
  const lost = new Set([...ids, ...await refreshSeats(tripId)]);
  selectedSeatIds.value = selectedSeatIds.value.filter((id) => !lost.has(id));
  return takenText(seatNumbers([...lost]));
}

/** The first selected seat without a traveller's name, if any. */
export function seatMissingName(): number | undefined {
  return selectedSeatIds.value.find((id) => !travellerNames.value[id]?.trim());
}

/** Holds the selected seats; `onHeld` runs once they are held. */
export function holdSelected(tripId: number, onHeld: () => void) {
  const missing = seatMissingName();
  if (missing !== undefined) {
    panelMessage.value = {
      tone: "error",
      text: `Enter the traveller's name for seat ${
        seats.value[missing]?.seatNumber ?? ""
      }.`,
    };
    document.getElementById(`traveller-${missing}`)?.focus();
    return;
  }
  return act(async () => {
    const seatIds = [...selectedSeatIds.value];
    const passengers = seatIds.map((seatId) => ({
      seatId,
      name: travellerNames.value[seatId].trim(),
    }));
    holdInFlight.value = seatIds;
    const result = await callApi<Reply>(
      "POST",
      "/api/holds",
      { tripId, seatIds, passengers },
      { idempotencyKey: newIdempotencyKey() },
    ).finally(() => (holdInFlight.value = []));
    if (result.ok && result.data.expiresAt) {
      // The Date header has whole seconds: only correct a real clock skew.
      const skew = Date.now() - result.serverNow;
      currentHold.value = {
        bookingId: result.data.booking.id,
        seatIds,
        expiresAt: Date.parse(result.data.expiresAt) +
          (Math.abs(skew) > 2000 ? skew : 0),
      };
      selectedSeatIds.value = seatIds;
      panelMessage.value = {
        tone: "success",
        text: `${formatSeatList(seatNumbers(seatIds))} ${
          seatIds.length === 1 ? "is" : "are"
        } held for you. Confirm to book.`,
      };
      onHeld();
    } else if (result.data.error?.code === "SEATS_UNAVAILABLE") {
      panelMessage.value = {
        tone: "error",
        text: await takenMessage(tripId, result.data.error.seatIds ?? []),
      };
    } else {
      panelMessage.value = { tone: "error", text: errorText(result) };
    }
  });
}

/** Confirms the current hold and opens the ticket. */
export function confirmHold(tripId: number) {
  const hold = currentHold.value;
  if (!hold) return;
  return act(async () => {
    const result = await callApi<Reply>(
      "POST",
      `/api/bookings/${hold.bookingId}/confirm`,
      undefined,
      { idempotencyKey: newIdempotencyKey() },
    );
    if (result.ok) {
      location.assign(`/bookings/${result.data.booking.id}?confirmed=1`);
      return;
    }
    currentHold.value = null;
    const code = result.data.error?.code;
    panelMessage.value = {
      tone: "error",
      text: code === "SEATS_UNAVAILABLE"
        ? await takenMessage(tripId, result.data.error?.seatIds ?? [])
        : sentence(errorText(result)),
    };
    if (code !== "SEATS_UNAVAILABLE") {
      selectedSeatIds.value = [];
      await refreshSeats(tripId);
    }
  });
}

/** Releases the current hold. */
export function releaseHold(tripId: number) {
  const hold = currentHold.value;
  if (!hold) return;
  return act(async () => {
    await callApi(
      "POST",
      `/api/bookings/${hold.bookingId}/cancel`,
      undefined,
      { idempotencyKey: newIdempotencyKey() },
    );
    currentHold.value = null;
    await refreshSeats(tripId);
    panelMessage.value = { tone: "info", text: "Seats released." };
  });
}

/** The countdown reached zero: the seats are free again. */
export async function holdExpired(tripId: number) {
  currentHold.value = null;
  await refreshSeats(tripId);
  panelMessage.value = {
    tone: "error",
    text: "Your hold expired. Select your seats again.",
  };
}

/** Ends a server message with a full stop, so two never run together. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function errorText(
  result: { status: number; data: { error?: { message: string } } },
): string {
  if (result.status === 401) {
    return "Your session ended. Sign in again to book.";
  }
  return result.data.error?.message ??
    "Something went wrong. Please try again.";
}
