// The app as its own process (scripts/start.ts, as `deno task start` runs
// it) on a database the fault test controls, with an admin, passengers and
// a trip made through the API.
import { type AppProcess, startAppProcess } from "./app_process.ts";
import {
  createTrip,
  login,
  type Passenger,
  registerPassengers,
  type SeatedTrip,
} from "./busbook_client.ts";

export const FAULT_ADMIN = {
  email: "faults-admin@busbook.test",
  password: "faults-admin-password",
};

/** What the fault tests and the chaos harness start every app with. */
export function faultAppEnv(databaseUrl: string): Record<string, string> {
  const unlimited = "1000000000";
  return {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: Deno.env.get("JWT_SECRET") ??
      crypto.randomUUID() + crypto.randomUUID(),
    ADMIN_EMAIL: FAULT_ADMIN.email,
    ADMIN_PASSWORD: FAULT_ADMIN.password,
    REGISTER_LIMIT_PER_IP: unlimited,
    LOGIN_LIMIT_PER_IP: unlimited,
    LOGIN_LIMIT_PER_EMAIL: unlimited,
    LOG_LEVEL: "warn",
    REDIS_URL: "",
    METRICS_ENABLED: "false",
    // The OpenAPI document does not list 408 (a stalled body) yet.
    OPENAPI_VALIDATE_RESPONSES: "false",
  };
}

export interface FaultApp {
  process: AppProcess;
  url: string;
  adminToken: string;
  passengers: Passenger[];
  trip: SeatedTrip;
}

/**
 * Starts the app on `databaseUrl` (plus `env`), then sets up `passengers`
 * accounts and one trip of `seats` seats through its API.
 */
export async function startFaultApp(
  databaseUrl: string,
  options: {
    env?: Record<string, string>;
    passengers?: number;
    seats?: number;
    timeoutMs?: number;
  } = {},
): Promise<FaultApp> {
  const process = await startAppProcess({
    env: { ...faultAppEnv(databaseUrl), ...options.env },
    timeoutMs: options.timeoutMs,
  });
  try {
    const adminToken = await login(
      process.url,
      FAULT_ADMIN.email,
      FAULT_ADMIN.password,
    );
    const passengers = await registerPassengers(
      process.url,
      options.passengers ?? 20,
    );
    const trip = await createTrip(process.url, adminToken, options.seats ?? 40);
    return {
      process,
      url: process.url,
      adminToken,
      passengers,
      trip,
    };
  } catch (error) {
    await process.stop();
    throw error;
  }
}
