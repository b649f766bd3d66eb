-- Operators (issue 14): vehicle layouts, routes with timetables that make
-- trips, boarding check-in, and a staff role that can only check in.

-- Staff (conductors) sign in to check passengers in, and do nothing else.
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check
  check (role in ('user', 'staff', 'admin'));

-- A kind of vehicle: where its seats are. `resizable`: a trip on it may have
-- any number of seats, numbered along its rows (the 2+2 coach, which every
-- trip made before layouts existed uses); other layouts have exactly their
-- seats.
create table vehicle_layouts (
  id bigint generated always as identity primary key,
  code text not null unique check (code ~ '^[a-z0-9-]{1,40}$'),
  name text not null check (length(name) between 1 and 80),
  description text not null default '',
  resizable boolean not null default false,
  created_at timestamptz not null default now()
);

-- A seat's price class: a supplement on the trip's price (a berth, a
-- single seat by the window).
create table layout_price_classes (
  layout_id bigint not null references vehicle_layouts (id),
  code text not null check (code ~ '^[a-z0-9-]{1,40}$'),
  label text not null check (length(label) between 1 and 60),
  supplement_cents integer not null check (supplement_cents >= 0),
  primary key (layout_id, code)
);

-- Where each seat is: deck 1 (lower) or 2 (upper), row from the front,
-- column from the left; a column no seat uses is the aisle.
create table layout_seats (
  layout_id bigint not null references vehicle_layouts (id),
  seat_number integer not null check (seat_number between 1 and 100),
  deck smallint not null check (deck in (1, 2)),
  seat_row smallint not null check (seat_row between 1 and 100),
  seat_col smallint not null check (seat_col between 1 and 9),
  kind text not null check (kind in ('seat', 'berth')),
  price_class text,
  primary key (layout_id, seat_number),
  unique (layout_id, deck, seat_row, seat_col),
  foreign key (layout_id, price_class)
    references layout_price_classes (layout_id, code)
);

insert into vehicle_layouts (code, name, description, resizable) values
  ('coach-2-2', 'Coach 2+2',
    'Two seats, the aisle, two seats; 48 seats in 12 rows', true),
  ('coach-2-1', 'Comfort coach 2+1',
    'Two seats, the aisle, a single seat; 36 seats in 12 rows', false),
  ('sleeper-2-deck', 'Two-deck sleeper',
    'Berths on a lower and an upper deck: one, the aisle, two; 18 per deck',
    false);

insert into layout_price_classes (layout_id, code, label, supplement_cents)
select id, class.code, class.label, class.cents
from vehicle_layouts,
  (values
    ('coach-2-1', 'single', 'Single seat', 300),
    ('sleeper-2-deck', 'lower-berth', 'Lower berth', 800),
    ('sleeper-2-deck', 'upper-berth', 'Upper berth', 500)
  ) as class (layout, code, label, cents)
where vehicle_layouts.code = class.layout;

-- The 2+2 coach: columns 1, 2 | aisle 3 | 4, 5.
insert into layout_seats (layout_id, seat_number, deck, seat_row, seat_col, kind)
select l.id, n, 1, (n - 1) / 4 + 1, (array[1, 2, 4, 5])[(n - 1) % 4 + 1], 'seat'
from vehicle_layouts l, generate_series(1, 48) as n
where l.code = 'coach-2-2';

-- The 2+1 coach: columns 1, 2 | aisle 3 | 4 (the single seat).
insert into layout_seats (
  layout_id, seat_number, deck, seat_row, seat_col, kind, price_class
)
select l.id, n, 1, (n - 1) / 3 + 1, (array[1, 2, 4])[(n - 1) % 3 + 1], 'seat',
  case when (n - 1) % 3 = 2 then 'single' end
from vehicle_layouts l, generate_series(1, 36) as n
where l.code = 'coach-2-1';

-- The sleeper: berths 1–18 on the lower deck, 19–36 on the upper, each
-- deck 1 | aisle 2 | 3, 4.
insert into layout_seats (
  layout_id, seat_number, deck, seat_row, seat_col, kind, price_class
)
select l.id, n, (n - 1) / 18 + 1, ((n - 1) % 18) / 3 + 1,
  (array[1, 3, 4])[(n - 1) % 3 + 1], 'berth',
  case when n <= 18 then 'lower-berth' else 'upper-berth' end
from vehicle_layouts l, generate_series(1, 36) as n
where l.code = 'sleeper-2-deck';

create function default_layout_id() returns bigint
language sql stable as $$
  select id from vehicle_layouts where code = 'coach-2-2'
$$;

-- Every trip has a layout; existing ones (and any writer that names none)
-- get the 2+2 coach.
alter table trips
  add column layout_id bigint not null default default_layout_id()
    references vehicle_layouts (id);

-- Each seat of a trip carries its place and its price (the trip's price
-- plus its class's supplement), so a booking's total is the sum of its
-- seats' prices and a seat map needs no other table.
alter table seats
  add column deck smallint check (deck in (1, 2)),
  add column seat_row smallint check (seat_row between 1 and 100),
  add column seat_col smallint check (seat_col between 1 and 9),
  add column kind text not null default 'seat' check (kind in ('seat', 'berth')),
  add column price_class text,
  add column price_cents integer check (price_cents >= 0);

-- A seat inserted without a place goes where the 2+2 coach has its number,
-- and one without a price costs the trip's price: existing seats migrate so
-- (numbers unchanged), and every other writer gets the same rule.
create function seats_fill_place() returns trigger
language plpgsql as $$
begin
  if new.seat_row is null or new.seat_col is null or new.deck is null then
    new.deck := 1;
    new.seat_row := (new.seat_number - 1) / 4 + 1;
    new.seat_col := (array[1, 2, 4, 5])[(new.seat_number - 1) % 4 + 1];
  end if;
  if new.price_cents is null then
    select price_cents into new.price_cents from trips where id = new.trip_id;
  end if;
  return new;
end
$$;

update seats s
set deck = 1,
  seat_row = (s.seat_number - 1) / 4 + 1,
  seat_col = (array[1, 2, 4, 5])[(s.seat_number - 1) % 4 + 1],
  price_cents = t.price_cents
from trips t
where t.id = s.trip_id;

alter table seats
  alter column deck set not null,
  alter column seat_row set not null,
  alter column seat_col set not null,
  alter column price_cents set not null,
  add constraint seats_trip_place_key unique (trip_id, deck, seat_row, seat_col);

create trigger seats_fill_place
  before insert on seats
  for each row execute function seats_fill_place();

-- A route: where a service runs, how long it takes, what it costs and on
-- which vehicle. Its places follow the catalogue like a trip's (the same
-- trigger function: the columns have the same names).
create table routes (
  id bigint generated always as identity primary key,
  name text not null check (length(name) between 1 and 120),
  origin text not null check (length(origin) between 1 and 80),
  destination text not null check (length(destination) between 1 and 80),
  origin_time_zone text not null,
  destination_time_zone text not null,
  duration_minutes integer not null check (duration_minutes between 1 and 10080),
  price_cents integer not null check (price_cents >= 0),
  layout_id bigint not null references vehicle_layouts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (lower(origin) <> lower(destination)),
  foreign key (origin, origin_time_zone)
    references places (name, time_zone) on update cascade,
  foreign key (destination, destination_time_zone)
    references places (name, time_zone) on update cascade
);

create trigger routes_use_places
  before insert or update of origin, destination on routes
  for each row execute function trips_use_places();

-- When a route runs: on these ISO weekdays (1 Monday … 7 Sunday), at these
-- wall-clock times at the origin, between two dates on the origin's clock.
create table timetables (
  id bigint generated always as identity primary key,
  route_id bigint not null references routes (id),
  weekdays smallint[] not null check (
    cardinality(weekdays) between 1 and 7
    and weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]
  ),
  departure_times time[] not null
    check (cardinality(departure_times) between 1 and 48),
  valid_from date not null,
  valid_until date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_until is null or valid_until >= valid_from)
);
create index timetables_route_idx on timetables (route_id);

-- A trip made from a route remembers the timetable slot it was made for
-- (`route_departure`, an instant). One trip per route and slot, whatever
-- happens to it later (moved by hand, cancelled): generators running twice
-- or on two instances at once insert `on conflict do nothing`.
alter table trips
  add column route_id bigint references routes (id),
  add column route_departure timestamptz,
  add check ((route_id is null) = (route_departure is null));
create unique index trips_route_departure_key
  on trips (route_id, route_departure) where route_id is not null;

-- Who boarded: one row per seat of a booking, with when and which staff
-- member checked it in. The primary key makes a second scan a no-op.
create table boardings (
  booking_id bigint not null references bookings (id),
  seat_id bigint not null references seats (id) on delete cascade,
  trip_id bigint not null references trips (id),
  boarded_at timestamptz not null default now(),
  boarded_by bigint not null references users (id),
  primary key (booking_id, seat_id)
);
create index boardings_trip_idx on boardings (trip_id);

-- Admin actions on routes and timetables name their route.
alter table admin_actions add column route_id bigint references routes (id);
create index admin_actions_route_idx on admin_actions (route_id, created_at desc)
  where route_id is not null;
