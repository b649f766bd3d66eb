// Vehicle layouts (migration 005): where a vehicle's seats are and what
// they cost on top of the trip's price. A trip's seats are copied from its
// layout when the trip is made, each with its place and price, so reading
// a seat map never needs these tables.
import type { Sql, Tx } from "../db/pool.ts";
import { NotFoundError, ValidationError } from "../http/errors.ts";
import type { LayoutSeat, VehicleLayout } from "./types.ts";

/** The 2+2 coach: the layout of every trip made without one. */
export const DEFAULT_LAYOUT_CODE = "coach-2-2";

const layoutSelect = (sql: Sql | Tx) =>
  sql`
    select l.id, l.code, l.name, l.description, l.resizable,
      coalesce(max(s.deck), 1)::int as decks,
      count(s.*)::int as "seatCount",
      coalesce(mode() within group (order by s.kind), 'seat') as kind,
      coalesce((
        select json_agg(json_build_object(
          'code', c.code, 'label', c.label, 'supplementCents', c.supplement_cents
        ) order by c.supplement_cents, c.code)
        from layout_price_classes c where c.layout_id = l.id
      ), '[]') as "priceClasses"
    from vehicle_layouts l
    left join layout_seats s on s.layout_id = l.id
  `;

/** Every layout, the 2+2 coach first, then by name. */
export async function listLayouts(sql: Sql | Tx): Promise<VehicleLayout[]> {
  return await sql<VehicleLayout[]>`
    ${layoutSelect(sql)}
    group by l.id
    order by l.code <> ${DEFAULT_LAYOUT_CODE}, l.name
  `;
}

/**
 * One layout.
 * @throws {ValidationError} on `field` when there is no such layout (it
 * came from a form or a request body).
 */
export async function getLayout(
  sql: Sql | Tx,
  layoutId: number,
  field = "layoutId",
): Promise<VehicleLayout> {
  const [layout] = await sql<VehicleLayout[]>`
    ${layoutSelect(sql)}
    where l.id = ${layoutId}
    group by l.id
  `;
  if (!layout) {
    throw new ValidationError([{
      path: field,
      message: "Choose one of the vehicle layouts",
    }]);
  }
  return layout;
}

/**
 * A layout's seats in seat-number order, for drawing it.
 * @throws {NotFoundError} for an unknown layout.
 */
export async function listLayoutSeats(
  sql: Sql,
  layoutId: number,
): Promise<LayoutSeat[]> {
  const seats = await sql<LayoutSeat[]>`
    select seat_number as "seatNumber", deck, seat_row as row,
      seat_col as "column", kind, price_class as "priceClass"
    from layout_seats
    where layout_id = ${layoutId}
    order by seat_number
  `;
  if (seats.length === 0) throw new NotFoundError("No such vehicle layout");
  return seats;
}

/**
 * The seat count a trip on `layout` gets: `requested` on a resizable
 * layout (its seats numbered along the rows), else exactly the layout's.
 * @throws {ValidationError} on totalSeats when a fixed layout is given
 * another count.
 */
export function seatCountFor(
  layout: VehicleLayout,
  requested: number | undefined,
): number {
  if (layout.resizable) return requested ?? layout.seatCount;
  if (requested !== undefined && requested !== layout.seatCount) {
    throw new ValidationError([{
      path: "totalSeats",
      message: `A ${layout.name} has ${layout.seatCount} ${
        layout.kind === "berth" ? "berths" : "seats"
      }; leave the seat count out or make it ${layout.seatCount}`,
    }]);
  }
  return layout.seatCount;
}

/**
 * Inserts the seats of trips `tripIds` (all on one layout) inside the
 * caller's transaction: the layout's seats with their places, priced at
 * each trip's price plus the seat's supplement. On a resizable layout a
 * trip gets seats 1..its total_seats, those beyond the layout's own list
 * placed along its rows by the seats_fill_place trigger.
 */
export async function insertLayoutSeats(
  tx: Tx,
  tripIds: number[],
): Promise<void> {
  if (tripIds.length === 0) return;
  await tx`
    insert into seats (
      trip_id, seat_number, deck, seat_row, seat_col, kind, price_class,
      price_cents
    )
    select t.id, n, ls.deck, ls.seat_row, ls.seat_col, coalesce(ls.kind, 'seat'),
      ls.price_class, t.price_cents + coalesce(c.supplement_cents, 0)
    from trips t
    join vehicle_layouts l on l.id = t.layout_id
    cross join lateral generate_series(1, t.total_seats) as n
    left join layout_seats ls
      on ls.layout_id = t.layout_id and ls.seat_number = n
    left join layout_price_classes c
      on c.layout_id = ls.layout_id and c.code = ls.price_class
    where t.id = any(${tripIds}::bigint[])
      and (l.resizable or ls.seat_number is not null)
    order by t.id, n
  `;
}
