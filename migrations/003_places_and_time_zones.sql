-- Places carry an IANA time zone; trips keep instants (timestamptz) and
-- carry the zone of each end, so every reader (trip lists, the SQL-built
-- trip body, bookings) gets them from the trip row without another join.
-- A composite foreign key (place, zone) → places keeps the copies equal
-- to the catalogue: correcting a place's zone cascades to its trips.

create table places (
  id bigint generated always as identity primary key,
  name text not null check (length(name) between 1 and 80),
  -- The app accepts only zones Intl.supportedValuesOf("timeZone") lists
  -- (plus UTC); PostgreSQL must know the zone too, or this raises 22023.
  time_zone text not null check (
    length(time_zone) between 1 and 64
    and (timestamptz '2000-01-01 00:00+00' at time zone time_zone) is not null
  ),
  created_at timestamptz not null default now(),
  -- The target of the trips' (place, zone) foreign keys.
  unique (name, time_zone)
);
-- One place per name, whatever its case: "berlin" is Berlin.
create unique index places_name_lower_key on places (lower(name));

-- The places Busbook knows out of the box. An operator adds others by
-- creating a trip that names them (with a zone, or UTC when none is given).
insert into places (name, time_zone) values
  ('Amsterdam', 'Europe/Amsterdam'), ('Athens', 'Europe/Athens'),
  ('Barcelona', 'Europe/Madrid'), ('Belgrade', 'Europe/Belgrade'),
  ('Berlin', 'Europe/Berlin'), ('Bordeaux', 'Europe/Paris'),
  ('Bratislava', 'Europe/Bratislava'), ('Brussels', 'Europe/Brussels'),
  ('Bucharest', 'Europe/Bucharest'), ('Budapest', 'Europe/Budapest'),
  ('Cologne', 'Europe/Berlin'), ('Copenhagen', 'Europe/Copenhagen'),
  ('Dresden', 'Europe/Berlin'), ('Dublin', 'Europe/Dublin'),
  ('Edinburgh', 'Europe/London'), ('Florence', 'Europe/Rome'),
  ('Frankfurt', 'Europe/Berlin'), ('Geneva', 'Europe/Zurich'),
  ('Hamburg', 'Europe/Berlin'), ('Helsinki', 'Europe/Helsinki'),
  ('Istanbul', 'Europe/Istanbul'), ('Kraków', 'Europe/Warsaw'),
  ('Leipzig', 'Europe/Berlin'), ('Lisbon', 'Europe/Lisbon'),
  ('Ljubljana', 'Europe/Ljubljana'), ('London', 'Europe/London'),
  ('Luxembourg', 'Europe/Luxembourg'), ('Lyon', 'Europe/Paris'),
  ('Madrid', 'Europe/Madrid'), ('Manchester', 'Europe/London'),
  ('Marseille', 'Europe/Paris'), ('Milan', 'Europe/Rome'),
  ('Munich', 'Europe/Berlin'), ('Naples', 'Europe/Rome'),
  ('Nice', 'Europe/Paris'), ('Oslo', 'Europe/Oslo'),
  ('Paris', 'Europe/Paris'), ('Porto', 'Europe/Lisbon'),
  ('Prague', 'Europe/Prague'), ('Rome', 'Europe/Rome'),
  ('Salzburg', 'Europe/Vienna'), ('Seville', 'Europe/Madrid'),
  ('Sofia', 'Europe/Sofia'), ('Stockholm', 'Europe/Stockholm'),
  ('Stuttgart', 'Europe/Berlin'), ('Valencia', 'Europe/Madrid'),
  ('Venice', 'Europe/Rome'), ('Vienna', 'Europe/Vienna'),
  ('Warsaw', 'Europe/Warsaw'), ('Zagreb', 'Europe/Zagreb'),
  ('Zurich', 'Europe/Zurich');

-- Every other place an existing trip names goes in UTC: every time was
-- shown in UTC until now, so those trips read exactly as before, and one
-- `update places set time_zone = …` corrects a place and its trips. The
-- first spelling (in sort order) of a name becomes the place's name.
insert into places (name, time_zone)
select distinct on (lower(name)) name, 'UTC'
from (
  select origin as name from trips
  union all
  select destination from trips
) as named
order by lower(name), name
on conflict do nothing;

alter table trips
  add column origin_time_zone text,
  add column destination_time_zone text;

-- Existing trips take their places' spelling and zones.
update trips t set origin = p.name, origin_time_zone = p.time_zone
from places p
where lower(p.name) = lower(t.origin);
update trips t set destination = p.name, destination_time_zone = p.time_zone
from places p
where lower(p.name) = lower(t.destination);

alter table trips
  alter column origin_time_zone set not null,
  alter column destination_time_zone set not null,
  add constraint trips_origin_place_fkey
    foreign key (origin, origin_time_zone)
    references places (name, time_zone) on update cascade,
  add constraint trips_destination_place_fkey
    foreign key (destination, destination_time_zone)
    references places (name, time_zone) on update cascade;

-- The place called `place_name` (any case), added with `zone` (UTC when
-- null) if it is new. A known place keeps its zone whatever `zone` says.
create function place_named(place_name text, zone text) returns places
language plpgsql as $$
declare
  found places;
begin
  insert into places (name, time_zone)
  values (place_name, coalesce(zone, 'UTC'))
  on conflict do nothing;
  select * into found from places where lower(name) = lower(place_name);
  return found;
end
$$;

-- Every writer of trips (the app, benchmarks, hand-written SQL) gets the
-- same rule: a trip names its places as the catalogue spells them, and an
-- end without a zone takes its place's. A zone that contradicts a known
-- place's is left for the foreign key to refuse (23503).
create function trips_use_places() returns trigger
language plpgsql as $$
declare
  origin_place places;
  destination_place places;
begin
  if tg_op = 'UPDATE'
    and new.origin_time_zone is not distinct from old.origin_time_zone then
    new.origin_time_zone := null;
  end if;
  if tg_op = 'UPDATE'
    and new.destination_time_zone is not distinct from old.destination_time_zone then
    new.destination_time_zone := null;
  end if;
  origin_place := place_named(new.origin, new.origin_time_zone);
  destination_place := place_named(new.destination, new.destination_time_zone);
  new.origin := origin_place.name;
  new.origin_time_zone := coalesce(new.origin_time_zone, origin_place.time_zone);
  new.destination := destination_place.name;
  new.destination_time_zone :=
    coalesce(new.destination_time_zone, destination_place.time_zone);
  return new;
end
$$;

create trigger trips_use_places
  before insert or update of origin, destination on trips
  for each row execute function trips_use_places();

-- The search matches places by prefix, case-insensitively ("berl" finds
-- Berlin): text_pattern_ops lets `lower(origin) like 'berl%'` use the index.
drop index trips_route_idx;
create index trips_route_prefix_idx on trips (
  lower(origin) text_pattern_ops, lower(destination) text_pattern_ops, departs_at
);
