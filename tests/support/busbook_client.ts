// Busbook's JSON API over the network, as the fault tests and the chaos
// harness (chaos/) drive a running app: accounts and trips to set up, and
// the four booking writes, each with an Idempotency-Key when given one.

export interface ApiAnswer {
  /** 0 when no answer arrived (refused, reset, timed out). */
  status: number;
  retryAfter: string | null;
  // deno-lint-ignore no-explicit-any
  body: any;
  /** Why there was no answer, when status is 0. */
  failure?: string;
}

export interface CallOptions {
  token?: string;
  idempotencyKey?: string;
  /** Give up waiting for an answer after this long (status 0). */
  timeoutMs?: number;
}

/** One call; never throws (a missing answer is status 0). */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) {
    headers["idempotency-key"] = options.idempotencyKey;
  }
  try {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return {
      status: res.status,
      retryAfter: res.headers.get("retry-after"),
      body: parsed,
    };
  } catch (error) {
    return {
      status: 0,
      retryAfter: null,
      body: undefined,
      failure: (error as Error).message,
    };
  }
}

function expect(answer: ApiAnswer, status: number, what: string): void {
  if (answer.status !== status) {
    throw new Error(
      `${what}: expected ${status}, got ${answer.status} ${
        answer.failure ?? JSON.stringify(answer.body)?.slice(0, 300)
      }`,
    );
  }
}

/** Retries setup calls through brief outages (503 or no answer). */
async function steady(
  attempt: () => Promise<ApiAnswer>,
): Promise<ApiAnswer> {
  for (let tries = 1;; tries++) {
    const answer = await attempt();
    if ((answer.status !== 0 && answer.status !== 503) || tries >= 30) {
      return answer;
    }
    await new Promise((resolve) => setTimeout(resolve, 200 * tries));
  }
}

/** Signs in and returns the session token. */
export async function login(
  baseUrl: string,
  email: string,
  password: string,
): Promise<string> {
  const answer = await steady(() =>
    call(baseUrl, "POST", "/api/auth/login", { email, password })
  );
  expect(answer, 200, `login ${email}`);
  return answer.body.token;
}

export interface Passenger {
  id: number;
  token: string;
}

/** Registers `count` passengers (8 at a time: each hashes a password). */
export async function registerPassengers(
  baseUrl: string,
  count: number,
  label = crypto.randomUUID().slice(0, 8),
): Promise<Passenger[]> {
  const passengers: Passenger[] = [];
  for (let start = 0; start < count; start += 8) {
    const batch = await Promise.all(
      Array.from(
        { length: Math.min(8, count - start) },
        (_, i) =>
          steady(() =>
            call(baseUrl, "POST", "/api/auth/register", {
              name: `Passenger ${label} ${start + i}`,
              email: `p-${label}-${start + i}@faults.example`,
              password: "faults-password-1",
            })
          ),
      ),
    );
    for (const answer of batch) {
      expect(answer, 201, "register");
      passengers.push({ id: answer.body.user.id, token: answer.body.token });
    }
  }
  return passengers;
}

export interface SeatedTrip {
  id: number;
  seatIds: number[];
}

/** Creates a trip (as the admin) departing in two days; its seat ids in order. */
export async function createTrip(
  baseUrl: string,
  adminToken: string,
  totalSeats: number,
): Promise<SeatedTrip> {
  const id = crypto.randomUUID().slice(0, 8);
  const departs = Date.now() + 2 * 24 * 3600_000 +
    Math.floor(Math.random() * 24 * 3600_000);
  const created = await steady(() =>
    call(baseUrl, "POST", "/api/admin/trips", {
      name: `Faults ${id}`,
      origin: `Faultville ${id}`,
      destination: `Outage City ${id}`,
      departsAt: new Date(departs).toISOString(),
      arrivesAt: new Date(departs + 3 * 3600_000).toISOString(),
      totalSeats,
      price: 10,
    }, { token: adminToken })
  );
  expect(created, 201, "create trip");
  const tripId = created.body.trip.id;
  const details = await steady(() =>
    call(baseUrl, "GET", `/api/trips/${tripId}`)
  );
  expect(details, 200, "trip details");
  return {
    id: tripId,
    seatIds: details.body.seats.map((seat: { id: number }) => seat.id),
  };
}

/** POST /api/bookings. */
export function book(
  baseUrl: string,
  token: string,
  tripId: number,
  seatIds: number[],
  options: Omit<CallOptions, "token"> = {},
): Promise<ApiAnswer> {
  return call(baseUrl, "POST", "/api/bookings", { tripId, seatIds }, {
    ...options,
    token,
  });
}

/** POST /api/holds. */
export function hold(
  baseUrl: string,
  token: string,
  tripId: number,
  seatIds: number[],
  options: Omit<CallOptions, "token"> = {},
): Promise<ApiAnswer> {
  return call(baseUrl, "POST", "/api/holds", { tripId, seatIds }, {
    ...options,
    token,
  });
}

/** POST /api/bookings/:id/confirm or /cancel. */
export function transition(
  baseUrl: string,
  token: string,
  bookingId: number,
  verb: "confirm" | "cancel",
  options: Omit<CallOptions, "token"> = {},
): Promise<ApiAnswer> {
  return call(
    baseUrl,
    "POST",
    `/api/bookings/${bookingId}/${verb}`,
    undefined,
    { ...options, token },
  );
}
