-- A traveller's name for each seat of a booking, in the order of seat_ids
-- (ascending seat ids). Null for bookings made before names were asked:
-- their tickets name the account holder.
alter table bookings
  add column passenger_names text[]
    check (
      passenger_names is null
      or cardinality(passenger_names) = cardinality(seat_ids)
    );

-- Who ended a CANCELLED booking: the passenger, or an operator (one booking,
-- or the whole trip). Null for bookings cancelled before this was recorded
-- and for every other status.
alter table bookings
  add column cancelled_by text
    check (cancelled_by in ('passenger', 'operator')),
  add check (cancelled_by is null or status = 'CANCELLED');
