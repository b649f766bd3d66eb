// E-tickets: the signed token a ticket's QR code carries, and its picture.
import { bookingReference } from "../format.ts";
import { travellersOf } from "../bookings/present.ts";
import type { BookingWithPassenger } from "../bookings/types.ts";
import { signTicket } from "./token.ts";
import type { TicketClaims } from "./types.ts";

export type { TicketClaims } from "./types.ts";
export { qrSvg } from "./qr.ts";
export { ticketPublicJwk, verifyTicket } from "./token.ts";

/** What a booking's ticket token says: reference, trip, seats, names. */
export function ticketClaims(booking: BookingWithPassenger): TicketClaims {
  const travellers = travellersOf(booking)
    .filter((t) => t.seatNumber !== null)
    .sort((a, b) => a.seatNumber! - b.seatNumber!);
  return {
    v: 1,
    ref: bookingReference(booking.id),
    bid: booking.id,
    tid: booking.tripId,
    dep: Math.floor(booking.trip.departsAt.getTime() / 1000),
    seats: travellers.map((t) => t.seatNumber!),
    names: travellers.map((t) => t.name ?? booking.passenger.name),
  };
}

/** The signed token for a booking's ticket. */
export async function ticketToken(
  booking: BookingWithPassenger,
): Promise<string> {
  return await signTicket(ticketClaims(booking));
}
