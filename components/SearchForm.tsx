import type { InputHTMLAttributes } from "preact";
import type { TripSort } from "../lib/trips/types.ts";
import { SearchIcon } from "./Icons.tsx";

export interface SearchValues {
  from: string;
  to: string;
  date: string;
}

export interface SearchFormProps {
  values: SearchValues;
  errors: Partial<Record<keyof SearchValues, string>>;
  /** Places trips serve, suggested as the passenger types (no JS needed). */
  places: string[];
  /** The order the results are in; a new search keeps it. */
  sort?: TripSort;
  /** Today's date, YYYY-MM-DD: the date picker offers nothing earlier. */
  today: string;
}

const PLACES_LIST_ID = "search-places";

const field =
  "block w-full rounded-xl border-0 bg-white px-3 py-2.5 text-slate-900 shadow-sm placeholder:text-slate-500 focus:outline-3 focus:outline-offset-0 focus:outline-amber-300 aria-invalid:ring-3 aria-invalid:ring-red-400";

function SearchField(
  { name, label, type = "text", placeholder, value, error, attrs }: {
    name: keyof SearchValues;
    label: string;
    type?: "text" | "date";
    placeholder?: string;
    value: string;
    error?: string;
    attrs?: Record<string, string>;
  },
) {
  const id = `search-${name}`;
  return (
    <div class="space-y-1">
      <label for={id} class="block text-sm font-semibold text-brand-50">
        {label}
      </label>
      <input
        {...({
          id,
          name,
          type,
          value,
          placeholder,
          class: field,
          "aria-invalid": error ? "true" : undefined,
          "aria-describedby": error ? `${id}-error` : undefined,
          ...attrs,
        } as InputHTMLAttributes)}
      />
      {error && (
        <p
          id={`${id}-error`}
          class="rounded-md bg-white px-2 py-1 text-sm font-medium text-red-800"
        >
          <span aria-hidden="true">⚠</span> {error}
        </p>
      )}
    </div>
  );
}

/**
 * The trip search (GET, so results are linkable and work without JS). The
 * fields line up at the top, so a message under one never moves the others;
 * places are suggested from a `<datalist>`, which needs no JavaScript.
 */
export default function SearchForm(
  { values, errors, places, sort, today }: SearchFormProps,
) {
  const suggest = { list: PLACES_LIST_ID, autocomplete: "off" };
  return (
    <form
      method="get"
      action="/"
      role="search"
      aria-label="Search trips"
      class="mt-6 grid gap-3 sm:grid-cols-2 sm:items-start lg:grid-cols-[1fr_1fr_auto_auto]"
    >
      <SearchField
        name="from"
        label="From"
        placeholder="e.g. Berlin"
        value={values.from}
        error={errors.from}
        attrs={suggest}
      />
      <SearchField
        name="to"
        label="To"
        placeholder="e.g. Hamburg"
        value={values.to}
        error={errors.to}
        attrs={suggest}
      />
      <SearchField
        name="date"
        label="Date"
        type="date"
        value={values.date}
        error={errors.date}
        attrs={{ min: today }}
      />
      <datalist id={PLACES_LIST_ID}>
        {places.map((place) => <option key={place} value={place} />)}
      </datalist>
      {sort && sort !== "departure" && (
        <input type="hidden" name="sort" value={sort} />
      )}
      {
        // The label above each field is one line of text-sm (1.25rem) plus
        // the 0.25rem gap: the button sits that much lower, level with them.
      }
      <button
        type="submit"
        class="inline-flex items-center justify-center gap-2 rounded-xl bg-amber-300 px-6 py-2.5 font-bold text-slate-900 shadow-sm hover:bg-amber-200 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-white sm:mt-6"
      >
        <SearchIcon />
        Search
      </button>
    </form>
  );
}
