import type { BoardSeat } from "../../lib/checkin/mod.ts";
import { plural } from "../../lib/format.ts";
import AdminSeatMap from "./AdminSeatMap.tsx";
import BoardingManifest from "./BoardingManifest.tsx";

export interface BoardingBoardProps {
  tripId: number;
  seats: BoardSeat[];
  departed: boolean;
  timeZone: string;
  linkBookings: boolean;
}

/**
 * A trip's boarding at a glance: how many boarded, the seat map with who
 * sits where, and the manifest. The admin trip page and the conductor's
 * page show it; the LiveFragment island reloads it on every change
 * (GET /staff/trips/:id/board renders it alone).
 */
export default function BoardingBoard(props: BoardingBoardProps) {
  const booked = props.seats.filter((seat) => seat.status === "BOOKED");
  const boarded = booked.filter((seat) => seat.boardedAt).length;
  return (
    <div class="space-y-6">
      <p class="font-semibold" data-testid="boarded-count">
        {boarded} of {plural(booked.length, "booked seat")} boarded
      </p>
      <AdminSeatMap {...props} />
      <section
        aria-labelledby={`manifest-${props.tripId}`}
        class="space-y-3"
      >
        <h3 id={`manifest-${props.tripId}`} class="text-lg font-bold">
          Boarding manifest
        </h3>
        <BoardingManifest {...props} />
      </section>
    </div>
  );
}
