// Server render time of the trip (seat) page: `deno bench bench/` (or
// `deno task bench:pages`). Pure rendering, no database: the route's data
// work is measured end to end by scripts/bench_pages.ts with wrk.
import { renderDocument } from "../lib/islands/document.ts";
import TripPage from "../components/TripPage.tsx";
import Layout from "../components/Layout.tsx";
import type { SeatView } from "../islands/shared/seat_state.ts";

const departsAt = new Date(Date.now() + 86_400_000);
const trip = {
  id: 42,
  name: "Berlin → Hamburg Express",
  origin: "Berlin",
  destination: "Hamburg",
  departsAt,
  arrivesAt: new Date(departsAt.getTime() + 195 * 60_000),
  totalSeats: 48,
  priceCents: 2490,
  status: "SCHEDULED" as const,
  availableSeats: 30,
};
const seats: SeatView[] = Array.from({ length: 48 }, (_, i) => ({
  id: 1000 + i,
  number: i + 1,
  state: i % 3 === 0 ? "booked" : i % 7 === 0 ? "held" : "available",
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
