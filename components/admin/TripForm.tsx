import { MAX_SEATS } from "../../lib/admin_input.ts";

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
}

interface FieldProps {
  name: string;
  label: string;
  type: "text" | "datetime-local" | "number";
  values: TripFormProps["values"];
  errors: TripFormProps["errors"];
  hint?: string;
  attrs?: Record<string, string | number>;
}

function Field({ name, label, type, values, errors, hint, attrs }: FieldProps) {
  const id = `trip-${name}`;
  const error = errors[name];
  const described = [hint && `${id}-hint`, error && `${id}-error`]
    .filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    value: values[name] ?? "",
    required: true,
    "aria-invalid": error ? "true" as const : undefined,
    "aria-describedby": described,
    ...attrs,
  };
  return (
    <p class="field">
      <label for={id}>{label}</label>
      {
        // Preact types <input> by its `type`, so each kind is spelled out.
        type === "number"
          ? <input type="number" {...common} />
          : type === "datetime-local"
          ? <input type="datetime-local" {...common} />
          : <input type="text" {...common} />
      }
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {error && (
        <strong id={`${id}-error`} class="field-error">
          {error}
        </strong>
      )}
    </p>
  );
}

/** Create or edit a trip; a plain form that posts and works without JavaScript. */
export default function TripForm(
  { action, mode, values, errors, formError }: TripFormProps,
) {
  const field = { values, errors };
  const problems = Object.keys(errors).length;
  return (
    <form method="post" action={action} novalidate class="trip-form">
      {(formError || problems > 0) && (
        <div role="alert" class="form-errors">
          {formError && <p>{formError}</p>}
          {problems > 0 && (
            <p>
              Please correct the{" "}
              {problems === 1 ? "field" : `${problems} fields`} marked below.
            </p>
          )}
        </div>
      )}
      <Field
        name="name"
        label="Name"
        type="text"
        {...field}
        attrs={{ maxlength: 120 }}
      />
      {mode === "create" && (
        <>
          <Field
            name="origin"
            label="From"
            type="text"
            {...field}
            attrs={{ maxlength: 80 }}
          />
          <Field
            name="destination"
            label="To"
            type="text"
            {...field}
            attrs={{ maxlength: 80 }}
          />
        </>
      )}
      <Field
        name="departsAt"
        label="Departs (UTC)"
        type="datetime-local"
        {...field}
      />
      <Field
        name="arrivesAt"
        label="Arrives (UTC)"
        type="datetime-local"
        {...field}
      />
      <Field
        name="totalSeats"
        label="Seats"
        type="number"
        {...field}
        hint={mode === "edit"
          ? "Seats can be removed only from the top, and only while free."
          : undefined}
        attrs={{ min: 1, max: MAX_SEATS, step: 1 }}
      />
      <Field
        name="price"
        label="Price per seat (EUR)"
        type="number"
        {...field}
        attrs={{ min: 0, step: "0.01", inputmode: "decimal" }}
      />
      <p>
        <button type="submit">
          {mode === "create" ? "Create trip" : "Save changes"}
        </button>
      </p>
    </form>
  );
}
