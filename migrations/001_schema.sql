-- Busbook schema: users, trips, seats, bookings (DESIGN.md §3).
-- Money is integer cents; ids are bigint identities.

create table users (
  id bigint generated always as identity primary key,
  name text not null check (length(name) between 1 and 100),
  email text not null check (length(email) between 3 and 254),
  password_hash text not null,
  role text not null default 'user' check (role in ('user', 'admin')),
  created_at timestamptz not null default now()
);
create unique index users_email_lower_key on users (lower(email));

create table trips (
  id bigint generated always as identity primary key,
  name text not null check (length(name) between 1 and 120),
  origin text not null check (length(origin) between 1 and 80),
  destination text not null check (length(destination) between 1 and 80),
  departs_at timestamptz not null,
  arrives_at timestamptz not null,
  total_seats integer not null check (total_seats between 1 and 100),
  price_cents integer not null check (price_cents >= 0),
  status text not null default 'SCHEDULED'
    check (status in ('SCHEDULED', 'CANCELLED')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (arrives_at > departs_at),
  check (lower(origin) <> lower(destination))
);
-- The home page and the search list upcoming scheduled trips by time.
create index trips_scheduled_departs_at_idx on trips (departs_at)
  where status = 'SCHEDULED';
create index trips_route_idx on trips (lower(origin), lower(destination), departs_at);

create table bookings (
  id bigint generated always as identity primary key,
  user_id bigint not null references users (id),
  trip_id bigint not null references trips (id),
  seat_ids bigint[] not null check (cardinality(seat_ids) between 1 and 100),
  status text not null
    check (status in ('PENDING', 'CONFIRMED', 'FAILED', 'CANCELLED', 'EXPIRED')),
  total_cents integer not null check (total_cents >= 0),
  idempotency_key text check (length(idempotency_key) between 1 and 200),
  -- A fingerprint of the request that used the idempotency key, so a reuse
  -- of the key with another body can be refused.
  request_fingerprint text,
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, idempotency_key),
  check (status <> 'PENDING' or expires_at is not null)
);
create index bookings_user_created_idx on bookings (user_id, created_at desc);
create index bookings_trip_status_idx on bookings (trip_id, status);
create index bookings_pending_expiry_idx on bookings (expires_at)
  where status = 'PENDING';

create table seats (
  id bigint generated always as identity primary key,
  trip_id bigint not null references trips (id),
  seat_number integer not null check (seat_number between 1 and 100),
  status text not null default 'AVAILABLE'
    check (status in ('AVAILABLE', 'LOCKED', 'BOOKED')),
  booking_id bigint references bookings (id),
  locked_until timestamptz,
  unique (trip_id, seat_number),
  -- A seat is owned by a booking exactly when it is not available, and only
  -- a held (LOCKED) seat has a hold deadline.
  check ((status = 'AVAILABLE') = (booking_id is null)),
  check ((status = 'LOCKED') = (locked_until is not null))
);
create index seats_trip_status_idx on seats (trip_id, status);
create index seats_booking_idx on seats (booking_id) where booking_id is not null;

-- Who (which admin) did what to which trip or booking, and when.
create table admin_actions (
  id bigint generated always as identity primary key,
  admin_id bigint not null references users (id),
  action text not null check (length(action) between 1 and 60),
  trip_id bigint references trips (id),
  booking_id bigint references bookings (id),
  details jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index admin_actions_trip_idx on admin_actions (trip_id, created_at desc);
