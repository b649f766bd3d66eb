// The admin trip forms (create, edit) turned into the API's inputs. Every
// field arrives as a string; times are typed on the local clock of where
// they happen (departure at the origin, arrival at the destination), as
// `<input type="datetime-local">` sends them, with no zone. Every problem
// is reported at once, under the field it belongs to.
import type { Sql } from "../db/pool.ts";
import { ValidationError } from "../http/errors.ts";
import {
  type CreateTripInput,
  CreateTripSchema,
  EditTripFormSchema,
  type UpdateTripInput,
} from "./input.ts";
import {
  canonicalTimeZone,
  instantFromLocal,
  toLocalInput,
} from "./local_time.ts";
import { zonesOfRoute } from "./places.ts";
import type { Trip } from "./types.ts";

/** A trip form as posted: every field a string (or absent). */
export type TripForm = Record<string, string | undefined>;

type Issue = { path: string; message: string };

function filled(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function formNumber(value: string | undefined): number | undefined {
  const trimmed = filled(value);
  return trimmed === undefined ? undefined : Number(trimmed);
}

const LONG_DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * The instant a local time names in `zone`, as the API's ISO string. At
 * the night the clocks go back, a time that happens twice means the first
 * (still summer time); a time the clocks skip is an error.
 */
function readLocalTime(
  value: string,
  zone: string,
  label: string,
  place: string,
): { instant: string } | { issue: string } {
  const result = instantFromLocal(value, zone);
  if (result.kind === "malformed") {
    return { issue: `${label} must be a date and time` };
  }
  if (result.kind === "skipped") {
    const [day, time] = value.trim().split("T");
    return {
      issue:
        `${time.slice(0, 5)} on ${
          LONG_DAY.format(new Date(`${day}T00:00:00Z`))
        } does not exist in ${place} (${zone}): the clocks go forward that ` +
        "night. Choose a time before or after the change.",
    };
  }
  return { instant: result.instant.toISOString() };
}

interface TimeField {
  field: "departsAt" | "arrivesAt";
  label: string;
  /** Undefined: the place's zone is not known (the zone field says why). */
  zone: string | undefined;
  place: string | undefined;
}

/**
 * Reads the time fields on their places' clocks into `body`. A field whose
 * zone is unknown (its error is on the zone field) or that failed is
 * left out, and its path is returned so the schema's "is required" for it
 * is not reported too.
 */
function readTimes(
  form: TripForm,
  fields: TimeField[],
  body: Record<string, unknown>,
  issues: Issue[],
): Set<string> {
  const settled = new Set<string>();
  for (const { field, label, zone, place } of fields) {
    const value = filled(form[field]);
    if (value === undefined) continue;
    if (!zone) {
      settled.add(field);
      continue;
    }
    const read = readLocalTime(value, zone, label, place ?? zone);
    if ("issue" in read) {
      issues.push({ path: field, message: read.issue });
      settled.add(field);
    } else {
      body[field] = read.instant;
    }
  }
  return settled;
}

function toIssues(
  zodIssues: readonly { path: PropertyKey[]; message: string }[],
): Issue[] {
  return zodIssues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}

/**
 * `issues` (from reading places and times) plus the schema's issues on
 * fields those did not already report.
 * @throws {ValidationError} when there is any.
 */
function throwIssues(
  issues: Issue[],
  settled: Set<string>,
  schemaError:
    | { issues: readonly { path: PropertyKey[]; message: string }[] }
    | undefined,
): void {
  const fromSchema = toIssues(schemaError?.issues ?? []);
  const reported = new Set([...settled, ...issues.map((issue) => issue.path)]);
  const all = [
    ...issues,
    ...fromSchema.filter((issue) => !reported.has(issue.path)),
  ];
  // Never pass a body the schema refused, even if only for a settled field.
  if (all.length === 0 && fromSchema.length) all.push(...fromSchema);
  if (all.length) throw new ValidationError(all);
}

/**
 * The create-trip form as `POST /api/admin/trips` would take it. A known
 * place brings its zone; a new place needs one chosen on the form.
 * @throws {ValidationError} listing every field that failed.
 */
export async function createTripFromForm(
  sql: Sql,
  form: TripForm,
): Promise<CreateTripInput> {
  const origin = filled(form.origin);
  const destination = filled(form.destination);
  const body: Record<string, unknown> = {
    name: form.name,
    origin,
    destination,
    originTimeZone: filled(form.originTimeZone),
    destinationTimeZone: filled(form.destinationTimeZone),
    totalSeats: formNumber(form.totalSeats),
    price: formNumber(form.price),
    layoutId: formNumber(form.layoutId),
  };
  // A vehicle with its own seats ignores the form's seat count (that field
  // is for the 2+2 coach).
  if (body.layoutId !== undefined && !await isResizable(sql, body.layoutId)) {
    delete body.totalSeats;
  }
  for (const key of Object.keys(body)) {
    if (body[key] === undefined) delete body[key];
  }
  const issues: Issue[] = [];
  // A zone that is no IANA zone gets the schema's message, not "choose one".
  const zone = (field: string) => {
    const raw = body[field] as string | undefined;
    return raw === undefined ? undefined : canonicalTimeZone(raw) ?? null;
  };
  let zones: { originTimeZone?: string; destinationTimeZone?: string } = {};
  try {
    zones = await zonesOfRoute(sql, {
      origin,
      destination,
      originTimeZone: zone("originTimeZone"),
      destinationTimeZone: zone("destinationTimeZone"),
    }, { zoneRequired: true });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
  }
  const settled = readTimes(
    form,
    [
      {
        field: "departsAt",
        label: "Departure",
        zone: zones.originTimeZone,
        place: origin,
      },
      {
        field: "arrivesAt",
        label: "Arrival",
        zone: zones.destinationTimeZone,
        place: destination,
      },
    ],
    body,
    issues,
  );
  const parsed = CreateTripSchema.safeParse(body);
  throwIssues(issues, settled, parsed.error);
  return parsed.data!;
}

async function isResizable(sql: Sql, layoutId: unknown): Promise<boolean> {
  if (!Number.isSafeInteger(layoutId)) return true;
  const [layout] = await sql<{ resizable: boolean }[]>`
    select resizable from vehicle_layouts where id = ${layoutId as number}
  `;
  return layout?.resizable ?? true;
}

/** The stored trip's times as the edit form shows them, on its clocks. */
export function tripTimesForForm(trip: Trip): {
  departsAt: string;
  arrivesAt: string;
} {
  return {
    departsAt: toLocalInput(trip.departsAt, trip.originTimeZone),
    arrivesAt: toLocalInput(trip.arrivesAt, trip.destinationTimeZone),
  };
}

/**
 * The edit form (name, times, seats, price; every field required) as a
 * `PATCH /api/admin/trips/:id` body. The form shows times to the minute: a
 * time left as shown keeps the stored value's seconds instead of counting
 * as a change.
 * @throws {ValidationError} listing every field that failed.
 */
export function editTripFromForm(form: TripForm, trip: Trip): UpdateTripInput {
  const body: Record<string, unknown> = {
    name: form.name,
    totalSeats: formNumber(form.totalSeats),
    price: formNumber(form.price),
  };
  for (const key of Object.keys(body)) {
    if (body[key] === undefined) delete body[key];
  }
  const issues: Issue[] = [];
  const settled = readTimes(
    form,
    [
      {
        field: "departsAt",
        label: "Departure",
        zone: trip.originTimeZone,
        place: trip.origin,
      },
      {
        field: "arrivesAt",
        label: "Arrival",
        zone: trip.destinationTimeZone,
        place: trip.destination,
      },
    ],
    body,
    issues,
  );
  const parsed = EditTripFormSchema.safeParse(body);
  throwIssues(issues, settled, parsed.error);
  const input = parsed.data!;
  const shown = tripTimesForForm(trip);
  if (filled(form.departsAt) === shown.departsAt) {
    input.departsAt = trip.departsAt;
  }
  if (filled(form.arrivesAt) === shown.arrivesAt) {
    input.arrivesAt = trip.arrivesAt;
  }
  return input;
}
