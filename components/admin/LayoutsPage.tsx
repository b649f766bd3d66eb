import type { SessionUser } from "../../lib/auth/types.ts";
import type { LayoutSeat, VehicleLayout } from "../../lib/trips/types.ts";
import { formatPrice, plural } from "../../lib/format.ts";
import BusFrame from "../../islands/shared/BusFrame.tsx";
import AdminLayout from "./AdminLayout.tsx";
import { card } from "../ui.ts";

export interface LayoutsPageProps {
  user: SessionUser | null;
  layouts: { layout: VehicleLayout; seats: LayoutSeat[] }[];
}

/** The vehicles trips and routes can run with, each drawn seat by seat. */
export default function LayoutsPage({ user, layouts }: LayoutsPageProps) {
  return (
    <AdminLayout title="Vehicles" user={user} current="layouts">
      <h1 class="text-3xl font-bold tracking-tight">Vehicles</h1>
      <p class="max-w-2xl text-slate-700">
        The seat maps trips and routes can use. A seat's price is the trip's
        price plus its class's supplement.
      </p>
      <div class="grid gap-6 lg:grid-cols-2">
        {layouts.map(({ layout, seats }) => (
          <section
            key={layout.id}
            aria-labelledby={`layout-${layout.id}`}
            class={`${card} space-y-3 p-5`}
          >
            <h2 id={`layout-${layout.id}`} class="text-lg font-bold">
              {layout.name}
            </h2>
            <p class="text-sm text-slate-700">
              {layout.description}. {layout.resizable
                ? "Trips made by hand may have any number of seats, numbered along its rows."
                : `${
                  plural(
                    layout.seatCount,
                    layout.kind === "berth" ? "berth" : "seat",
                  )
                } in all.`}
            </p>
            {layout.priceClasses.length > 0 && (
              <ul class="text-sm text-slate-700">
                {layout.priceClasses.map((c) => (
                  <li key={c.code}>
                    {c.label} (highlighted): + {formatPrice(c.supplementCents)}
                  </li>
                ))}
              </ul>
            )}
            <div class="overflow-x-auto">
              <BusFrame
                seats={seats}
                renderSeat={(seat) => (
                  <span
                    key={seat.seatNumber}
                    class={`seat${seat.kind === "berth" ? " seat-berth" : ""}${
                      seat.priceClass
                        ? " border-brand-700 bg-brand-50"
                        : " border-slate-500 bg-white"
                    }`}
                  >
                    {seat.seatNumber}
                  </span>
                )}
              />
            </div>
          </section>
        ))}
      </div>
    </AdminLayout>
  );
}
