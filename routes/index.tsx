// GET /?from&to&date: the search form and the upcoming trips it finds.
import type { Handlers } from "../lib/http/router.ts";
import { getTripReads } from "../lib/trips/reads.ts";
import { TripSearchForm } from "../lib/trips/search.ts";
import { fieldErrors } from "../lib/http/form_errors.ts";
import { renderDocument } from "../lib/islands/document.ts";
import HomePage from "../components/pages/HomePage.tsx";

export const handler: Handlers = {
  async GET(c) {
    const raw = {
      from: c.req.query("from") ?? "",
      to: c.req.query("to") ?? "",
      date: c.req.query("date") ?? "",
    };
    const parsed = TripSearchForm.safeParse(raw);
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    const filter = parsed.success ? parsed.data : {};
    const trips = parsed.success
      ? await getTripReads().list({ ...filter, limit: 50 })
      : [];

    return c.html(
      renderDocument(
        <HomePage
          user={c.get("user")}
          values={raw}
          errors={errors}
          valid={parsed.success}
          filter={filter}
          trips={trips}
        />,
      ),
      parsed.success ? 200 : 400,
    );
  },
};
