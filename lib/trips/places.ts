// The places trips run between, each with the IANA zone of its clock
// (migration 003). Trips copy their places' zones; a foreign key keeps the
// copies equal to the catalogue.
import type { Sql, Tx } from "../db/pool.ts";
import { ValidationError } from "../http/errors.ts";
import type { Place } from "./types.ts";

/**
 * Names of the places an upcoming scheduled trip leaves from or goes to,
 * in alphabetical order: what a passenger can find, for the search's
 * suggestions.
 */
export async function listServedPlaces(sql: Sql): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select name from (
      select origin as name from trips
      where status = 'SCHEDULED' and departs_at > now()
      union
      select destination from trips
      where status = 'SCHEDULED' and departs_at > now()
    ) as served
    order by lower(name)
    limit 500
  `;
  return rows.map((row) => row.name);
}

/** Every place Busbook knows, in alphabetical order (the operator's list). */
export async function listPlaces(sql: Sql): Promise<Place[]> {
  return await sql<Place[]>`
    select name, time_zone as "timeZone" from places order by lower(name)
  `;
}

/** The known places among `names` (any case), keyed by lower-case name. */
export async function findPlaces(
  sql: Sql | Tx,
  names: string[],
): Promise<Map<string, Place>> {
  const wanted = names.filter(Boolean).map((name) => name.toLowerCase());
  if (wanted.length === 0) return new Map();
  const rows = await sql<Place[]>`
    select name, time_zone as "timeZone" from places
    where lower(name) = any(${wanted}::text[])
  `;
  return new Map(rows.map((place) => [place.name.toLowerCase(), place]));
}

/**
 * A trip's route as written: its places, and maybe zones given for them
 * (null: a zone was given but is no zone; the schema reports that).
 */
export interface RouteInput {
  origin?: string;
  destination?: string;
  originTimeZone?: string | null;
  destinationTimeZone?: string | null;
}

/**
 * The zone of each end: a known place's own (a different one given is an
 * error: a place has one clock), else the zone given, else undefined —
 * an error when `zoneRequired` (a form that reads local times needs it),
 * otherwise the trip goes in UTC.
 * @throws {ValidationError} listing every end that failed.
 */
export async function zonesOfRoute(
  sql: Sql | Tx,
  route: RouteInput,
  options: { zoneRequired: boolean },
): Promise<{ originTimeZone?: string; destinationTimeZone?: string }> {
  const known = await findPlaces(sql, [
    route.origin ?? "",
    route.destination ?? "",
  ]);
  const issues: { path: string; message: string }[] = [];
  const zoneOf = (end: "origin" | "destination") => {
    const name = route[end];
    const given = route[`${end}TimeZone`];
    const field = `${end}TimeZone`;
    const place = name ? known.get(name.toLowerCase()) : undefined;
    if (given === null) return undefined;
    if (place) {
      if (given && given !== place.timeZone) {
        issues.push({
          path: field,
          message:
            `${place.name} is in ${place.timeZone}; leave the zone empty`,
        });
      }
      return place.timeZone;
    }
    if (!given && name && options.zoneRequired) {
      issues.push({
        path: field,
        message: `${name} is a new place: choose its time zone`,
      });
    }
    return given;
  };
  const zones = {
    originTimeZone: zoneOf("origin"),
    destinationTimeZone: zoneOf("destination"),
  };
  if (issues.length) throw new ValidationError(issues);
  return zones;
}
