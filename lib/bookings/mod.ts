// The bookings domain's public surface. Modules inside lib/bookings/ import
// each other directly and never this file, so it cannot close a cycle.
export * from "./types.ts";
export {
  findActiveHold,
  getBooking,
  getBookingForUser,
  listBookingsForUser,
  listManifest,
  listTripBookings,
  searchBookings,
} from "./queries.ts";
export {
  presentAdminBooking,
  presentBooking,
  type Traveller,
  travellersOf,
} from "./present.ts";
export { bookSeats, holdSeats } from "./reserve.ts";
export { cancelBooking, confirmBooking } from "./transitions.ts";
export { cancelBookingAsAdmin } from "./admin_cancel.ts";
export { startHoldSweeper, sweepExpiredHolds } from "./hold_sweeper.ts";
export { idempotencyKeyOf, SeatRequestBody } from "./request.ts";
