// The boarding domain's public surface: conductors check tickets in, and
// operators watch who boarded.
export * from "./types.ts";
export { judgeTicket, looksLikeTicketToken } from "./verify.ts";
export {
  boardBooking,
  checkInTicket,
  travellers as bookingTravellers,
} from "./record.ts";
export {
  type BoardSeat,
  listBoardingTrips,
  listBoardSeats,
} from "./queries.ts";
export { checkInQuery, recallCheckIn } from "./recall.ts";
