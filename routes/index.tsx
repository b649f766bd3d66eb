import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/http/context.ts";
import { getTripReads } from "../lib/trips/reads.ts";
import { renderDocument } from "../lib/islands/document.ts";
import { formatLongDate } from "../lib/format.ts";
import Layout from "../components/Layout.tsx";
import TripCard from "../components/TripCard.tsx";
import SearchForm, { type SearchValues } from "../components/SearchForm.tsx";
import { BusIcon } from "../components/Icons.tsx";
import { textLink } from "../components/ui.ts";
import { hasNoControlCharacters } from "../lib/http/validation.ts";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const place = z.preprocess(
  blankToUndefined,
  z.string().trim().max(80, "Use at most 80 characters")
    .refine(hasNoControlCharacters, "Use letters, not control characters")
    .optional(),
);

const SearchQuery = z.object({
  from: place,
  to: place,
  date: z.preprocess(
    blankToUndefined,
    z.iso.date({ error: "Enter a date like 2025-06-30" }).optional(),
  ),
});

function fieldErrors(
  error: z.ZodError,
): Partial<Record<keyof SearchValues, string>> {
  const errors: Partial<Record<keyof SearchValues, string>> = {};
  for (const issue of error.issues) {
    const key = issue.path[0] as keyof SearchValues;
    errors[key] ??= issue.message;
  }
  return errors;
}

function resultsHeading(filter: z.infer<typeof SearchQuery>): string {
  if (!filter.from && !filter.to && !filter.date) return "Upcoming trips";
  const parts = ["Trips"];
  if (filter.from) parts.push(`from ${filter.from}`);
  if (filter.to) parts.push(`to ${filter.to}`);
  if (filter.date) parts.push(`on ${formatLongDate(filter.date)}`);
  return parts.join(" ");
}

const home = new Hono<AppEnv>();

home.get("/", async (c) => {
  const raw = {
    from: c.req.query("from") ?? "",
    to: c.req.query("to") ?? "",
    date: c.req.query("date") ?? "",
  };
  const parsed = SearchQuery.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const filter = parsed.success ? parsed.data : {};
  const trips = parsed.success
    ? await getTripReads().list({ ...filter, limit: 50 })
    : [];
  const searching = Boolean(raw.from || raw.to || raw.date);

  return c.html(
    renderDocument(
      <Layout title="Find a bus" user={c.get("user")} section="trips">
        <section class="mb-8 overflow-hidden rounded-3xl bg-brand-800 px-5 py-8 text-white shadow-md sm:px-8">
          <h1 class="flex items-center gap-3 text-3xl font-bold tracking-tight sm:text-4xl">
            <BusIcon class="size-9 shrink-0" />
            Where are you going?
          </h1>
          <p class="mt-2 max-w-xl text-brand-100">
            Search a route, pick your seats on the bus and get your ticket in a
            minute.
          </p>
          <SearchForm values={raw} errors={errors} />
        </section>

        <section aria-labelledby="results-heading">
          <div class="mb-4 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="results-heading" class="text-2xl font-bold tracking-tight">
              {parsed.success ? resultsHeading(filter) : "Check your search"}
            </h2>
            {searching && <a href="/" class={textLink}>Clear search</a>}
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
                  {parsed.success
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
      </Layout>,
    ),
    parsed.success ? 200 : 400,
  );
});

export default home;
