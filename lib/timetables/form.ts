// The route and timetable forms turned into the API's inputs, and back.
// Fields arrive as strings: a duration as "3:15" (or minutes), departure
// times as a list ("06:30, 9:15 17:45"), weekdays as checkboxes day1..day7.
// Every problem is reported at once, under the field it belongs to.
import type { Sql } from "../db/pool.ts";
import { ValidationError } from "../http/errors.ts";
import { canonicalTimeZone } from "../trips/local_time.ts";
import { zonesOfRoute } from "../trips/places.ts";
import {
  type CreateRouteInput,
  CreateRouteSchema,
  type TimetableBody,
  TimetableSchema,
  type UpdateRouteInput,
  UpdateRouteSchema,
} from "./input.ts";
import type { Route, Timetable } from "./types.ts";

/** A form as posted: every field a string (or absent). */
export type Form = Record<string, string | undefined>;

type Issue = { path: string; message: string };

function filled(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function formNumber(value: string | undefined): number | undefined {
  const text = filled(value);
  return text === undefined ? undefined : Number(text);
}

/** "3:15" → 195, "195" → 195; NaN for anything else, undefined when empty. */
export function parseDuration(value: string | undefined): number | undefined {
  const text = filled(value);
  if (text === undefined) return undefined;
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  return /^\d{1,5}$/.test(text) ? Number(text) : NaN;
}

/** 195 → "3:15". */
export function formatDuration(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * "06:30, 9:15 17.45" → ["06:30", "09:15", "17:45"]; a piece that is no
 * time stays as typed, for the schema to name.
 */
export function parseTimes(value: string | undefined): string[] {
  return (value ?? "").split(/[\s,;]+/).filter(Boolean).map((piece) => {
    const match = /^(\d{1,2})[:.h]?(\d{2})$/.exec(piece);
    return match ? `${match[1].padStart(2, "0")}:${match[2]}` : piece;
  });
}

// The body's names of the fields the forms spell otherwise.
const FORM_FIELD: Record<string, string> = { durationMinutes: "duration" };

function toIssues(
  error: { issues: readonly { path: PropertyKey[]; message: string }[] },
): Issue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return { path: FORM_FIELD[path] ?? path, message: issue.message };
  });
}

/** Issues from reading places first, then the schema's on other fields. */
function fail(first: Issue[], error?: Parameters<typeof toIssues>[0]): never {
  const seen = new Set(first.map((issue) => issue.path));
  const rest = error ? toIssues(error).filter((i) => !seen.has(i.path)) : [];
  throw new ValidationError([...first, ...rest]);
}

/**
 * The new-route form as `POST /api/admin/routes` would take it. A new
 * place needs its zone chosen (its timetable's times are on its clock).
 * @throws {ValidationError} listing every field that failed.
 */
export async function createRouteFromForm(
  sql: Sql,
  form: Form,
): Promise<CreateRouteInput> {
  const zone = (field: string) => {
    const raw = filled(form[field]);
    return raw === undefined ? undefined : canonicalTimeZone(raw) ?? null;
  };
  const body = {
    name: form.name,
    origin: filled(form.origin),
    destination: filled(form.destination),
    originTimeZone: filled(form.originTimeZone),
    destinationTimeZone: filled(form.destinationTimeZone),
    durationMinutes: parseDuration(form.duration),
    price: formNumber(form.price),
    layoutId: formNumber(form.layoutId),
  };
  const issues: Issue[] = [];
  try {
    await zonesOfRoute(sql, {
      origin: body.origin,
      destination: body.destination,
      originTimeZone: zone("originTimeZone"),
      destinationTimeZone: zone("destinationTimeZone"),
    }, { zoneRequired: true });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
  }
  const parsed = CreateRouteSchema.safeParse(
    Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
  );
  if (issues.length || !parsed.success) fail(issues, parsed.error);
  return parsed.data;
}

/**
 * The edit-route form (name, duration, price, vehicle) as a `PATCH
 * /api/admin/routes/:id` body.
 * @throws {ValidationError} listing every field that failed.
 */
export function updateRouteFromForm(form: Form): UpdateRouteInput {
  const parsed = UpdateRouteSchema.safeParse({
    name: form.name ?? "",
    durationMinutes: parseDuration(form.duration) ?? Number.NaN,
    price: formNumber(form.price) ?? Number.NaN,
    layoutId: formNumber(form.layoutId) ?? Number.NaN,
  });
  if (!parsed.success) fail([], parsed.error);
  return parsed.data;
}

/** A route as its edit form shows it. */
export function routeFormValues(route: Route): Form {
  return {
    name: route.name,
    duration: formatDuration(route.durationMinutes),
    price: (route.priceCents / 100).toFixed(2),
    layoutId: String(route.layoutId),
  };
}

/**
 * The timetable form as the timetable API's body: checked days, the list
 * of times, the first and (optional) last day.
 * @throws {ValidationError} listing every field that failed.
 */
export function timetableFromForm(form: Form): TimetableBody {
  const parsed = TimetableSchema.safeParse({
    weekdays: [1, 2, 3, 4, 5, 6, 7].filter((day) => form[`day${day}`]),
    times: parseTimes(form.times),
    validFrom: filled(form.validFrom) ?? "",
    validUntil: filled(form.validUntil) ?? null,
  });
  if (!parsed.success) {
    // "times.2" → "times": the form has one field for the list.
    fail([], {
      issues: parsed.error.issues.map((issue) => ({
        ...issue,
        path: issue.path.slice(0, 1),
      })),
    });
  }
  return parsed.data;
}

/** A timetable as its form shows it. */
export function timetableFormValues(timetable: Timetable): Form {
  return {
    ...Object.fromEntries(timetable.weekdays.map((day) => [`day${day}`, "on"])),
    times: timetable.times.join(", "),
    validFrom: timetable.validFrom,
    validUntil: timetable.validUntil ?? "",
  };
}
