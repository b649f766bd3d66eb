// Server render time of the trip (seat) page: `deno bench bench/` (or
// `deno task bench:pages`). Pure rendering, no database: the route's data
// work is measured end to end by bench/pages.ts with wrk.
import { renderDocument } from "../lib/islands/document.ts";
import { registerIslands } from "../lib/islands/render.tsx";
import { islands } from "../islands.gen.ts";
import TripPage from "../components/TripPage.tsx";
import Layout from "../components/Layout.tsx";
import type { TripView } from "../lib/trips/types.ts";
import type { PlacedSeat } from "../lib/trips/seat_status.ts";

// As the app does at start: pages then carry their islands' markers.
registerIslands(islands);

const departsAt = new Date(Date.now() + 86_400_000);
const trip: TripView = {
  id: 42,
  name: "Berlin → Hamburg Express",
  origin: "Berlin",
  destination: "Hamburg",
  departsAt: departsAt.toISOString(),
  arrivesAt: new Date(departsAt.getTime() + 195 * 60_000).toISOString(),
  originTimeZone: "Europe/Berlin",
  destinationTimeZone: "Europe/Berlin",
  totalSeats: 48,
  price: 24.9,
  status: "SCHEDULED",
  availableSeats: 30,
};
// A 2+2 coach as migration 005 lays it out: columns 1, 2 | aisle | 4, 5.
const seats: PlacedSeat[] = Array.from({ length: 48 }, (_, i) => ({
  id: 1000 + i,
  seatNumber: i + 1,
  status: i % 3 === 0 ? "BOOKED" : i % 7 === 0 ? "LOCKED" : "AVAILABLE",
  deck: 1,
  row: Math.floor(i / 4) + 1,
  column: [1, 2, 4, 5][i % 4],
  kind: "seat",
  price: 24.9,
  priceClass: null,
}));
const now = new Date();

function seatPage(user: { id: number; role: "user" } | null) {
  return (
    <TripPage
      trip={trip}
      seats={seats}
      user={user}
      hold={null}
      now={now}
      maxSeats={10}
      takenNumbers={[]}
      idempotencyKey="00000000-0000-4000-8000-000000000000"
    />
  );
}

Deno.bench("seat page, 48 seats, signed in", { group: "render" }, () => {
  renderDocument(seatPage({ id: 1, role: "user" }));
});

Deno.bench("seat page, 48 seats, anonymous", { group: "render" }, () => {
  renderDocument(seatPage(null));
});

Deno.bench(
  "empty page in the same layout (baseline)",
  { group: "render", baseline: true },
  () => {
    renderDocument(<Layout title="Empty">{null}</Layout>);
  },
);
