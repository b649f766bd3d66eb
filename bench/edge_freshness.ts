// The freshness check of `deno task bench:edge` (bench/edge_cache.ts): a
// seat booked through the API (straight to the app), then the trip page
// polled through the edge cache until it shows the seat booked, timed from
// the booking's 201. Also the anonymous GET the bench fetches pages with,
// through nginx or not, and the tally of their X-Cache-Status.

/** s-maxage + stale-while-revalidate of the app's shared reads. */
export const WINDOW_MS = 2000;
export const POLL_MS = 50;
/** How long a freshness trial polls before it gives up. */
const POLL_LIMIT_MS = 10_000;
export const FETCH_TIMEOUT_MS = 5000;

export const sleep = (ms: number) =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** What a trial books with: the trip and a passenger's token. */
export interface Booker {
  tripId: number;
  token: string;
}

/** One anonymous GET: the page (decompressed) and nginx's cache status. */
export async function get(
  url: string,
  acceptEncoding: string,
): Promise<{ html: string; cache: string }> {
  const res = await fetch(url, {
    headers: { "accept-encoding": acceptEncoding },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  const html = await res.text();
  const cache = res.headers.get("x-cache-status") ?? "(none)";
  return { html, cache: res.ok ? cache : `${cache} ${res.status}` };
}

/**
 * How the page shows a seat, from its no-JavaScript checkbox
 * (islands/shared/SeatCheckbox.tsx): disabled, and named "…, booked", when
 * booked; enabled and "…, available" when free.
 */
function seatShown(html: string, seatId: number): string {
  const input = new RegExp(
    `<input(?=[^>]*\\bname="seatId")(?=[^>]*\\bvalue="${seatId}")[^>]*>`,
  ).exec(html)?.[0];
  if (!input) return "missing";
  const disabled = /\sdisabled(?:[\s=/>])/.test(input);
  const label = /aria-label="([^"]*)"/.exec(input)?.[1] ?? "";
  if (disabled && label.endsWith(", booked")) return "booked";
  if (!disabled && label.endsWith(", available")) return "available";
  return `other (${label})`;
}

/** "HIT×180, EXPIRED×3, UPDATING×1", most frequent first. */
export function tally(statuses: string[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])
    .map(([status, n]) => `${status}×${n}`).join(", ");
}

export interface Trial {
  seatNumber: number;
  /** What the cached page said just before the booking. */
  before: string;
  /** How long the booking's POST took (its commit is somewhere in it). */
  postMs: number;
  /**
   * ms from the booking's 201 to the last answer still showing the seat
   * free (the staleness nginx served), and to the first showing it booked;
   * null: none such.
   */
  lastOldMs: number | null;
  bookedMs: number | null;
  /** X-Cache-Status of the polls until then, and of the first booked one. */
  oldPolls: string[];
  bookedPoll?: string;
  error?: string;
}

export async function freshnessTrial(
  page: string,
  appUrl: string,
  data: Booker,
  seat: { id: number; seatNumber: number },
  acceptEncoding: string,
): Promise<Trial> {
  // A cached page from before the booking, or the trial proves nothing.
  let before = "(no HIT showing the seat free within 5 s)";
  const primeUntil = Date.now() + 5000;
  while (Date.now() < primeUntil) {
    const r = await get(page, acceptEncoding);
    if (r.cache === "HIT" && seatShown(r.html, seat.id) === "available") {
      before = "HIT, available";
      break;
    }
    await sleep(POLL_MS);
  }
  const trial: Trial = {
    seatNumber: seat.seatNumber,
    before,
    postMs: NaN,
    lastOldMs: null,
    bookedMs: null,
    oldPolls: [],
  };
  const postedAt = performance.now();
  const res = await fetch(`${appUrl}/api/bookings`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${data.token}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ tripId: data.tripId, seatIds: [seat.id] }),
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  const answer = await res.text();
  // Committed by now: no page should be more than WINDOW_MS staler.
  const bookedAt = performance.now();
  trial.postMs = bookedAt - postedAt;
  if (res.status !== 201) {
    trial.error = `POST /api/bookings answered ${res.status}: ${answer}`;
    return trial;
  }
  for (let next = bookedAt; performance.now() - bookedAt < POLL_LIMIT_MS;) {
    const r = await get(page, acceptEncoding);
    const at = performance.now() - bookedAt;
    if (seatShown(r.html, seat.id) === "booked") {
      trial.bookedMs = at;
      trial.bookedPoll = r.cache;
      break;
    }
    trial.lastOldMs = at;
    trial.oldPolls.push(r.cache);
    next += POLL_MS;
    await sleep(Math.max(0, next - performance.now()));
  }
  return trial;
}
