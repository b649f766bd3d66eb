import { input } from "../ui.ts";

export interface SelectFieldProps {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  error?: string;
  hint?: string;
}

/** A labelled select with its hint and error wired up for screen readers. */
export default function SelectField(
  { name, label, options, value, error, hint }: SelectFieldProps,
) {
  const id = `field-${name}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`]
    .filter(Boolean).join(" ") || undefined;
  return (
    <div class="space-y-1.5">
      <label for={id} class="block text-sm font-semibold text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        class={input}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy}
      >
        {options.map((option) => (
          <option
            key={option.value}
            value={option.value}
            selected={option.value === value}
          >
            {option.label}
          </option>
        ))}
      </select>
      {hint && <p id={`${id}-hint`} class="text-sm text-slate-600">{hint}</p>}
      {error && (
        <p id={`${id}-error`} class="text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span> {error}
        </p>
      )}
    </div>
  );
}

/** The vehicle layouts as options: "Two-deck sleeper — 36 berths". */
export function layoutOptions(
  layouts: {
    id: number;
    name: string;
    seatCount: number;
    kind: string;
    resizable: boolean;
  }[],
) {
  return layouts.map((layout) => ({
    value: String(layout.id),
    label: layout.resizable
      ? `${layout.name} (seat count as given)`
      : `${layout.name}, ${layout.seatCount} ${
        layout.kind === "berth" ? "berths" : "seats"
      }`,
  }));
}
