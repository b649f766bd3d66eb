import { seats } from "./shared/seat_state.ts";
import { pluralSeats } from "../lib/format.ts";

export interface SeatsLeftProps {
  /** Seats free when the page was rendered. */
  available: number;
}

/**
 * "12 seats left" in the trip header, kept in step with the live seat map
 * (the map's seats are a module-level signal shared by every island).
 */
export default function SeatsLeft({ available }: SeatsLeftProps) {
  const known = Object.values(seats.value);
  const count = known.length
    ? known.filter((seat) => seat.status === "AVAILABLE").length
    : available;
  return <>{count === 0 ? "Sold out" : `${pluralSeats(count)} left`}</>;
}
