import type { BoardSeat } from "../../lib/checkin/mod.ts";
import type { TripOccupancy } from "../../lib/trips/types.ts";
import LiveFragment from "../../islands/LiveFragment.tsx";
import BoardingBoard from "./BoardingBoard.tsx";

export interface LiveBoardProps {
  trip: TripOccupancy;
  seats: BoardSeat[];
  /** The admin trip page: names link to its bookings table. */
  linkBookings?: boolean;
}

/** The boarding board, kept live by LiveFragment while the trip runs. */
export default function LiveBoard(
  { trip, seats, linkBookings = false }: LiveBoardProps,
) {
  const targetId = `board-${trip.id}`;
  return (
    <div class="space-y-2">
      {trip.status === "SCHEDULED" && (
        <LiveFragment
          targetId={targetId}
          fragmentUrl={`/staff/trips/${trip.id}/board${
            linkBookings ? "?links=1" : ""
          }`}
          eventsUrl={`/api/trips/${trip.id}/events`}
        />
      )}
      <div id={targetId}>
        <BoardingBoard
          tripId={trip.id}
          seats={seats}
          departed={trip.departsAt.getTime() <= Date.now()}
          timeZone={trip.originTimeZone}
          linkBookings={linkBookings}
        />
      </div>
    </div>
  );
}
