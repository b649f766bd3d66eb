import type { Place, VehicleLayout } from "../../lib/trips/types.ts";
import Field from "../Field.tsx";
import Notice from "../Notice.tsx";
import SelectField, { layoutOptions } from "./SelectField.tsx";
import { buttonPrimary, card } from "../ui.ts";

export interface RouteFormProps {
  action: string;
  /** Places are set once, at creation. */
  mode: "create" | "edit";
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
  formError?: string;
  layouts: VehicleLayout[];
  /** Create: known places (suggested) and every zone, for a new place. */
  places?: Place[];
  timeZones?: string[];
}

/** Create or edit a route; a plain form that works without JavaScript. */
export default function RouteForm(props: RouteFormProps) {
  const { values, errors, mode } = props;
  const problems = Object.keys(errors).length;
  const field = (name: string) => ({
    name,
    value: values[name],
    error: errors[name],
  });
  const zoneHint = "Only for a new place: a known place keeps its own.";
  return (
    <form
      method="post"
      action={props.action}
      novalidate
      class={`${card} max-w-2xl space-y-5 p-6`}
    >
      {(props.formError || problems > 0) && (
        <Notice tone="error" title="The route was not saved">
          {props.formError && <p>{props.formError}</p>}
          {problems > 0 && (
            <p>
              Please correct the{" "}
              {problems === 1 ? "field" : `${problems} fields`} marked below.
            </p>
          )}
        </Notice>
      )}
      <Field {...field("name")} label="Name" required maxLength={120} />
      {mode === "create" && (
        <div class="grid gap-5 sm:grid-cols-2">
          <Field {...field("origin")} label="From" list="route-places" />
          <Field {...field("destination")} label="To" list="route-places" />
          <Field
            {...field("originTimeZone")}
            label="Time zone of From"
            hint={zoneHint}
            list="route-zones"
          />
          <Field
            {...field("destinationTimeZone")}
            label="Time zone of To"
            hint={zoneHint}
            list="route-zones"
          />
          <datalist id="route-places">
            {(props.places ?? []).map((place) => (
              <option key={place.name} value={place.name}>
                {place.timeZone}
              </option>
            ))}
          </datalist>
          <datalist id="route-zones">
            {(props.timeZones ?? []).map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
      )}
      <div class="grid gap-5 sm:grid-cols-2">
        <Field
          {...field("duration")}
          label="Duration (h:mm)"
          hint="From departure to arrival, e.g. 3:15."
          placeholder="3:15"
        />
        <Field
          {...field("price")}
          label="Price per seat (EUR)"
          type="number"
          hint="Seats of a price class (berths, single seats) add their supplement."
        />
      </div>
      <SelectField
        name="layoutId"
        label="Vehicle"
        options={layoutOptions(props.layouts)}
        value={values.layoutId}
        error={errors.layoutId}
      />
      {mode === "edit" && (
        <p class="text-sm text-slate-600">
          Saving changes the route's future trips that have no bookings; trips
          with bookings keep what they have, and the page lists them.
        </p>
      )}
      <button type="submit" class={buttonPrimary}>
        {mode === "create" ? "Create route" : "Save changes"}
      </button>
    </form>
  );
}
