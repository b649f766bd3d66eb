// The route page with everything it shows, for its GET and for the
// add-timetable POST that failed (which shows it again with the errors).
import type { VNode } from "preact";
import type { Sql } from "../../lib/db/pool.ts";
import type { SessionUser } from "../../lib/auth/types.ts";
import { NotFoundError } from "../../lib/http/errors.ts";
import {
  getRoute,
  listRouteTrips,
  listTimetables,
} from "../../lib/timetables/queries.ts";
import {
  getRouteAdminAction,
  listRouteAdminActions,
} from "../../lib/admin/actions.ts";
import RoutePage, { type RoutePageProps } from "./RoutePage.tsx";
import { noticeFor } from "./notices.ts";

/**
 * The route page for `routeId`.
 * @throws {NotFoundError} when there is no such route.
 */
export async function routePage(
  sql: Sql,
  user: SessionUser | null,
  routeId: number,
  options: {
    change?: string;
    notice?: string;
    form: RoutePageProps["form"];
  },
): Promise<VNode> {
  const route = await getRoute(sql, routeId);
  if (!route) throw new NotFoundError(`There is no route ${routeId}`);
  const changeId = Number(options.change);
  const [timetables, trips, actions, change] = await Promise.all([
    listTimetables(sql, routeId),
    listRouteTrips(sql, routeId),
    listRouteAdminActions(sql, routeId),
    Number.isSafeInteger(changeId) && changeId > 0
      ? getRouteAdminAction(sql, routeId, changeId)
      : undefined,
  ]);
  return (
    <RoutePage
      user={user}
      route={route}
      timetables={timetables}
      trips={trips}
      actions={actions}
      change={change}
      notice={noticeFor(options.notice)}
      form={options.form}
    />
  );
}
