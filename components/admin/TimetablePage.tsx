import type { SessionUser } from "../../lib/auth/types.ts";
import type { Route, Timetable } from "../../lib/timetables/types.ts";
import AdminLayout from "./AdminLayout.tsx";
import TimetableForm from "./TimetableForm.tsx";
import { describeTimetable } from "./timetable_words.ts";
import { buttonDanger, card, textLink } from "../ui.ts";

export interface TimetablePageProps {
  user: SessionUser | null;
  route: Route;
  timetable: Timetable;
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
}

/** Change or delete one timetable of a route. */
export default function TimetablePage(props: TimetablePageProps) {
  const { route, timetable } = props;
  return (
    <AdminLayout title="Change a timetable" user={props.user} current="routes">
      <p class="text-sm">
        <a href={`/admin/routes/${route.id}`} class={textLink}>
          {route.origin} → {route.destination}
        </a>
      </p>
      <h1 class="text-3xl font-bold tracking-tight">Change a timetable</h1>
      <p class="text-slate-700">Now: {describeTimetable(timetable)}.</p>
      <div class={`${card} max-w-2xl space-y-4 p-6`}>
        <p class="text-sm text-slate-600">
          Saving changes the route's future trips that have no bookings: new
          times get trips, dropped ones lose theirs. Trips with bookings are
          never moved or removed; the route page lists them afterwards.
        </p>
        <TimetableForm
          action={`/admin/timetables/${timetable.id}`}
          values={props.values}
          errors={props.errors}
          origin={{ name: route.origin, timeZone: route.originTimeZone }}
          submitLabel="Save timetable"
        />
      </div>
      <form
        method="post"
        action={`/admin/timetables/${timetable.id}/delete`}
        class={`${card} max-w-2xl space-y-3 p-6`}
      >
        <h2 class="text-lg font-bold">Stop this timetable</h2>
        <p class="text-sm text-slate-600">
          Its future trips without bookings are removed (unless another
          timetable runs them too); trips with bookings stay.
        </p>
        <button type="submit" class={buttonDanger}>Delete timetable</button>
      </form>
    </AdminLayout>
  );
}
