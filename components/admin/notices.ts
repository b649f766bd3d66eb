// Confirmations shown after a form's 303 redirect. The query string names
// one of these; its text is never echoed from the URL.
const NOTICES: Record<string, string> = {
  "trip-created": "Trip created. Passengers can book it now.",
  "trip-updated": "Changes saved.",
  "trip-cancelled":
    "Trip cancelled: its bookings were cancelled and the seats freed.",
  "booking-cancelled": "Booking cancelled and its seats freed.",
  "route-created": "Route created. Add a timetable to make its trips.",
};

/** The notice text for a `?notice=` key, or undefined for anything else. */
export function noticeFor(key: string | undefined): string | undefined {
  return key ? NOTICES[key] : undefined;
}
