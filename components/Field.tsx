import type { InputHTMLAttributes } from "preact";
import { input } from "./ui.ts";

export interface FieldProps {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "date" | "search" | "number";
  value?: string;
  error?: string;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  placeholder?: string;
  min?: string;
  maxLength?: number;
  minLength?: number;
  list?: string;
}

/** A labelled input with its hint and error wired up for screen readers. */
export default function Field(
  { name, label, type = "text", value, error, hint, ...rest }: FieldProps,
) {
  const id = `field-${name}`;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`]
    .filter(Boolean).join(" ") || undefined;
  return (
    <div class="space-y-1.5">
      <label for={id} class="block text-sm font-semibold text-slate-800">
        {label}
      </label>
      <input
        {...({
          id,
          name,
          type,
          value,
          class: input,
          "aria-invalid": error ? "true" : undefined,
          "aria-describedby": describedBy,
          ...rest,
          // Preact types `type` as a union keyed by input kind; one spread
          // with a cast keeps this component generic over it.
        } as InputHTMLAttributes)}
      />
      {hint && <p id={`${id}-hint`} class="text-sm text-slate-600">{hint}</p>}
      {error && (
        <p id={`${id}-error`} class="text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span> {error}
        </p>
      )}
    </div>
  );
}
