import Field from "../Field.tsx";
import Notice from "../Notice.tsx";
import { WEEKDAY_NAMES } from "./timetable_words.ts";
import { buttonPrimary } from "../ui.ts";
import type { Weekday } from "../../lib/timetables/types.ts";

export interface TimetableFormProps {
  action: string;
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
  /** The origin's name and zone: the times are on its clock. */
  origin: { name: string; timeZone: string };
  submitLabel: string;
}

const DAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Days, times and dates of a timetable; works without JavaScript. */
export default function TimetableForm(props: TimetableFormProps) {
  const { values, errors } = props;
  const problems = Object.keys(errors).length;
  return (
    <form method="post" action={props.action} novalidate class="space-y-5">
      {problems > 0 && (
        <Notice tone="error" title="The timetable was not saved">
          <p>
            Please correct the {problems === 1 ? "field" : `${problems} fields`}
            {" "}
            marked below.
          </p>
        </Notice>
      )}
      <fieldset
        aria-describedby={errors.weekdays ? "weekdays-error" : undefined}
      >
        <legend class="text-sm font-semibold text-slate-800">Runs on</legend>
        <div class="mt-2 flex flex-wrap gap-2">
          {DAYS.map((day) => (
            <label
              key={day}
              class="flex items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm has-checked:border-brand-700 has-checked:bg-brand-50"
            >
              <input
                type="checkbox"
                name={`day${day}`}
                checked={Boolean(values[`day${day}`])}
                class="size-4 accent-brand-700"
              />
              {WEEKDAY_NAMES[day]}
            </label>
          ))}
        </div>
        {errors.weekdays && (
          <p id="weekdays-error" class="mt-1 text-sm font-medium text-red-700">
            <span aria-hidden="true">⚠</span> {errors.weekdays}
          </p>
        )}
      </fieldset>
      <Field
        name="times"
        label={`Departure times in ${props.origin.name} (${props.origin.timeZone})`}
        value={values.times}
        error={errors.times}
        placeholder="06:30, 09:15, 17:45"
        hint="24-hour clock, separated by commas. On the night the clocks go forward a skipped time leaves as much later; a time that happens twice leaves at the first."
      />
      <div class="grid gap-5 sm:grid-cols-2">
        <Field
          name="validFrom"
          label="First day"
          type="date"
          value={values.validFrom}
          error={errors.validFrom}
        />
        <Field
          name="validUntil"
          label="Last day (optional)"
          type="date"
          value={values.validUntil}
          error={errors.validUntil}
          hint="Leave empty to run until further notice."
        />
      </div>
      <button type="submit" class={buttonPrimary}>{props.submitLabel}</button>
    </form>
  );
}
