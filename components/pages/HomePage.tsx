import type { SessionUser } from "../../lib/auth/types.ts";
import type { TripSearch, TripSort, TripView } from "../../lib/trips/types.ts";
import { formatLongDate } from "../../lib/format.ts";
import Layout from "../Layout.tsx";
import TripCard from "../TripCard.tsx";
import SearchForm, { type SearchFormProps } from "../SearchForm.tsx";
import { BusIcon } from "../Icons.tsx";
import { textLink } from "../ui.ts";

export interface HomePageProps {
  user: SessionUser | null;
  /** The search as typed, to fill the form in again. */
  values: SearchFormProps["values"];
  errors: SearchFormProps["errors"];
  /** False when a field was invalid and no search ran. */
  valid: boolean;
  /** The search that ran (blank fields left out). */
  filter: TripSearch;
  trips: TripView[];
  /** Places trips serve, for the search's suggestions. */
  places: string[];
  /** Today's date, YYYY-MM-DD. */
  today: string;
}

const SORTS: { sort: TripSort; label: string }[] = [
  { sort: "departure", label: "Departure" },
  { sort: "price", label: "Price" },
  { sort: "duration", label: "Duration" },
];

/** The same search in another order (the default order needs no param). */
function sortHref(values: HomePageProps["values"], sort: TripSort): string {
  const params = new URLSearchParams();
  for (const key of ["from", "to", "date"] as const) {
    if (values[key].trim()) params.set(key, values[key]);
  }
  if (sort !== "departure") params.set("sort", sort);
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

/** Links, not a form control: one click re-sorts, with or without JS. */
function SortLinks(
  { values, current }: { values: HomePageProps["values"]; current: TripSort },
) {
  return (
    <nav aria-label="Sort trips" class="flex items-center gap-1 text-sm">
      <span class="mr-1 text-slate-600">Sort by</span>
      {SORTS.map(({ sort, label }) => (
        <a
          key={sort}
          href={sortHref(values, sort)}
          aria-current={sort === current ? "true" : undefined}
          class={`rounded-full px-3 py-1 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 ${
            sort === current
              ? "bg-brand-800 text-white"
              : "text-brand-800 hover:bg-brand-50"
          }`}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}

function resultsHeading(filter: TripSearch): string {
  if (!filter.from && !filter.to && !filter.date) return "Upcoming trips";
  const parts = ["Trips"];
  if (filter.from) parts.push(`from ${filter.from}`);
  if (filter.to) parts.push(`to ${filter.to}`);
  if (filter.date) parts.push(`on ${formatLongDate(filter.date)}`);
  return parts.join(" ");
}

/** The home page: the search form and the upcoming trips it finds. */
export default function HomePage(
  { user, values, errors, valid, filter, trips, places, today }: HomePageProps,
) {
  const searching = Boolean(values.from || values.to || values.date);
  return (
    <Layout title="Find a bus" user={user} section="trips">
      <section class="mb-8 overflow-hidden rounded-3xl bg-brand-800 px-5 py-8 text-white shadow-md sm:px-8">
        <h1 class="flex items-center gap-3 text-3xl font-bold tracking-tight sm:text-4xl">
          <BusIcon class="size-9 shrink-0" />
          Where are you going?
        </h1>
        <p class="mt-2 max-w-xl text-brand-100">
          Search a route, pick your seats on the bus and get your ticket in a
          minute.
        </p>
        <SearchForm
          values={values}
          errors={errors}
          places={places}
          sort={filter.sort}
          today={today}
        />
      </section>

      <section aria-labelledby="results-heading">
        <div class="mb-4 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="results-heading" class="text-2xl font-bold tracking-tight">
            {valid ? resultsHeading(filter) : "Check your search"}
          </h2>
          <div class="flex flex-wrap items-center gap-x-4 gap-y-2">
            {trips.length > 1 && (
              <SortLinks values={values} current={filter.sort ?? "departure"} />
            )}
            {searching && <a href="/" class={textLink}>Clear search</a>}
          </div>
        </div>
        {trips.length > 0
          ? (
            <ul class="space-y-3">
              {trips.map((trip) => <TripCard key={trip.id} trip={trip} />)}
            </ul>
          )
          : (
            <div class="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
              <p class="text-lg font-semibold">
                {valid
                  ? "No trips match your search."
                  : "Fix the highlighted field to search."}
              </p>
              <p class="mt-2 text-slate-600">
                {searching
                  ? "Try another date, or leave a field empty to see more trips."
                  : "New trips are added all the time; check back soon."}
              </p>
            </div>
          )}
      </section>
    </Layout>
  );
}
