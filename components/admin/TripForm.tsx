import { MAX_SEATS } from "../../lib/trips/input.ts";
import type { Place, VehicleLayout } from "../../lib/trips/types.ts";
import SelectField, { layoutOptions } from "./SelectField.tsx";
import Notice from "../Notice.tsx";
import { buttonPrimary, card, input } from "../ui.ts";

export interface TripFormProps {
  action: string;
  /** The route (origin, destination) is set once, at creation. */
  mode: "create" | "edit";
  /** Field values as typed (strings), so a failed submit keeps them. */
  values: Record<string, string | undefined>;
  /** Field name → message. */
  errors: Record<string, string>;
  /** A message about the whole form (e.g. a conflict). */
  formError?: string;
  /** Create: the known places, suggested with their zones. */
  places?: Place[];
  /** Create: every IANA zone, suggested for a new place. */
  timeZones?: string[];
  /** Edit: the trip's route, whose clocks its times are typed on. */
  route?: [origin: Place, destination: Place];
  /** Create: the vehicles a trip can run with. */
  layouts?: VehicleLayout[];
}

const PLACES_LIST_ID = "trip-places";
const ZONES_LIST_ID = "trip-time-zones";
const AMBIGUOUS_HINT =
  "On the night the clocks go back, a time that happens twice means the first one.";

interface FieldProps {
  name: string;
  label: string;
  type: "text" | "datetime-local" | "number";
  values: TripFormProps["values"];
  errors: TripFormProps["errors"];
  hint?: string;
  /** Left empty on purpose sometimes (not `required`). */
  optional?: boolean;
  attrs?: Record<string, string | number>;
}

function Field(
  { name, label, type, values, errors, hint, optional, attrs }: FieldProps,
) {
  const id = `trip-${name}`;
  const error = errors[name];
  const described = [hint && `${id}-hint`, error && `${id}-error`]
    .filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    value: values[name] ?? "",
    required: !optional,
    "aria-invalid": error ? "true" as const : undefined,
    "aria-describedby": described,
    class: input,
    ...attrs,
  };
  return (
    <div class="space-y-1.5">
      <label for={id} class="block text-sm font-semibold text-slate-800">
        {label}
      </label>
      {
        // Preact types <input> by its `type`, so each kind is spelled out.
        type === "number"
          ? <input type="number" {...common} />
          : type === "datetime-local"
          ? <input type="datetime-local" {...common} />
          : <input type="text" {...common} />
      }
      {hint && <p id={`${id}-hint`} class="text-sm text-slate-600">{hint}</p>}
      {error && (
        <p id={`${id}-error`} class="text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span> {error}
        </p>
      )}
    </div>
  );
}

/** Create or edit a trip; a plain form that posts and works without JavaScript. */
export default function TripForm(
  {
    action,
    mode,
    values,
    errors,
    formError,
    places = [],
    timeZones = [],
    route,
    layouts = [],
  }: TripFormProps,
) {
  const [origin, destination] = route ?? [];
  const zoneHint = "Only for a new place: a known place keeps its own.";
  const field = { values, errors };
  const problems = Object.keys(errors).length;
  return (
    <form
      method="post"
      action={action}
      novalidate
      class={`${card} max-w-2xl space-y-5 p-6`}
    >
      {(formError || problems > 0) && (
        <Notice tone="error" title="The trip was not saved">
          {formError && <p>{formError}</p>}
          {problems > 0 && (
            <p>
              Please correct the{" "}
              {problems === 1 ? "field" : `${problems} fields`} marked below.
            </p>
          )}
        </Notice>
      )}
      <Field
        name="name"
        label="Name"
        type="text"
        {...field}
        attrs={{ maxlength: 120 }}
      />
      {mode === "create" && (
        <div class="grid gap-5 sm:grid-cols-2">
          <Field
            name="origin"
            label="From"
            type="text"
            {...field}
            attrs={{ maxlength: 80, list: PLACES_LIST_ID, autocomplete: "off" }}
          />
          <Field
            name="destination"
            label="To"
            type="text"
            {...field}
            attrs={{ maxlength: 80, list: PLACES_LIST_ID, autocomplete: "off" }}
          />
          <Field
            name="originTimeZone"
            label="Time zone of From"
            type="text"
            {...field}
            optional
            hint={zoneHint}
            attrs={{ list: ZONES_LIST_ID, autocomplete: "off" }}
          />
          <Field
            name="destinationTimeZone"
            label="Time zone of To"
            type="text"
            {...field}
            optional
            hint={zoneHint}
            attrs={{ list: ZONES_LIST_ID, autocomplete: "off" }}
          />
          <datalist id={PLACES_LIST_ID}>
            {places.map((place) => (
              <option key={place.name} value={place.name}>
                {place.timeZone}
              </option>
            ))}
          </datalist>
          <datalist id={ZONES_LIST_ID}>
            {timeZones.map((zone) => <option key={zone} value={zone} />)}
          </datalist>
        </div>
      )}
      <div class="grid gap-5 sm:grid-cols-2">
        <Field
          name="departsAt"
          label={origin
            ? `Departs (local time in ${origin.name})`
            : "Departs (local time at From)"}
          type="datetime-local"
          {...field}
          hint={origin?.timeZone}
        />
        <Field
          name="arrivesAt"
          label={destination
            ? `Arrives (local time in ${destination.name})`
            : "Arrives (local time at To)"}
          type="datetime-local"
          {...field}
          hint={destination?.timeZone}
        />
        <p class="text-sm text-slate-600 sm:col-span-2">{AMBIGUOUS_HINT}</p>
      </div>
      {mode === "create" && layouts.length > 0 && (
        <SelectField
          name="layoutId"
          label="Vehicle"
          options={layoutOptions(layouts)}
          value={values.layoutId}
          error={errors.layoutId}
          hint="A 2+2 coach has the seat count below; other vehicles have their own seats."
        />
      )}
      <div class="grid gap-5 sm:grid-cols-2">
        <Field
          name="totalSeats"
          label="Seats"
          type="number"
          {...field}
          hint={mode === "edit"
            ? "Seats can be removed only from the top, and only while free."
            : "1 to 100 seats, four to a row."}
          attrs={{ min: 1, max: MAX_SEATS, step: 1 }}
        />
        <Field
          name="price"
          label="Price per seat (EUR)"
          type="number"
          {...field}
          attrs={{ min: 0, step: "0.01", inputmode: "decimal" }}
        />
      </div>
      <button type="submit" class={buttonPrimary}>
        {mode === "create" ? "Create trip" : "Save changes"}
      </button>
    </form>
  );
}
