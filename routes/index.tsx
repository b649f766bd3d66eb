// GET /?from&to&date&sort: the search form and the upcoming trips it finds.
import type { Handlers } from "../lib/http/router.ts";
import { getTripReads } from "../lib/trips/reads.ts";
import { TripSearchForm } from "../lib/trips/search.ts";
import { fieldErrors } from "../lib/http/form_errors.ts";
import { renderDocument } from "../lib/islands/document.ts";
import HomePage from "../components/pages/HomePage.tsx";

// The passenger's date is not known (the page ships no JavaScript): the
// earliest date anywhere on Earth now (UTC−12) lets the picker offer
// today wherever they are.
function earliestToday(): string {
  return new Date(Date.now() - 12 * 3600_000).toISOString().slice(0, 10);
}

export const handler: Handlers = {
  async GET(c) {
    const raw = {
      from: c.req.query("from") ?? "",
      to: c.req.query("to") ?? "",
      date: c.req.query("date") ?? "",
    };
    const parsed = TripSearchForm.safeParse({
      ...raw,
      sort: c.req.query("sort"),
    });
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    const filter = parsed.success ? parsed.data : {};
    const reads = getTripReads();
    const [trips, places] = await Promise.all([
      parsed.success ? reads.list({ ...filter, limit: 50 }) : [],
      reads.servedPlaces(),
    ]);

    return c.html(
      renderDocument(
        <HomePage
          user={c.get("user")}
          values={raw}
          errors={errors}
          valid={parsed.success}
          filter={filter}
          trips={trips}
          places={places}
          today={earliestToday()}
        />,
      ),
      parsed.success ? 200 : 400,
    );
  },
};
