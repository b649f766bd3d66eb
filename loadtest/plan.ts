// Which scenarios `deno task loadtest` runs, and with what sizes: the full
// run uses each scenario's own defaults (≥ 200 VUs on the storms); the smoke
// run (`--smoke`, used by the test suite) shrinks them to seconds.

export const SCENARIOS = [
  "hot_seat",
  "seat_rush",
  "overlap",
  "holds",
  "browse_under_fire",
] as const;

export type ScenarioName = typeof SCENARIOS[number];

/** Path of a scenario's k6 script. */
export function scenarioPath(name: ScenarioName): string {
  return new URL(`./scenarios/${name}.ts`, import.meta.url).pathname;
}

/** Environment per scenario for the full run (defaults live in the scripts). */
export const FULL_ENV: Record<ScenarioName, Record<string, string>> = {
  hot_seat: {},
  seat_rush: {},
  overlap: {},
  // The real thing: abandoned holds expire (HOLD_MINUTES, 1 minute at the
  // least), which makes this scenario last a little over a minute.
  holds: { ABANDON: "expire" },
  browse_under_fire: {},
};

/** Environment per scenario for the smoke run. */
export const SMOKE_ENV: Record<ScenarioName, Record<string, string>> = {
  hot_seat: { VUS: "12" },
  seat_rush: { VUS: "12", SEATS: "8" },
  overlap: { VUS: "10", SEATS: "8", DURATION: "3s" },
  // Abandoned holds are cancelled, not left to expire (a minute at least).
  holds: { HOLDERS: "6", ABANDON: "cancel", REBOOK_START: "1s" },
  browse_under_fire: {
    BOOKERS: "8",
    READERS: "4",
    SEATS: "10",
    DURATION: "3s",
    // The smoke run proves the reads work under writes; speed is judged on
    // the full run, not on a busy CI machine.
    READ_P95_MS: "10000",
  },
};

/** Trip ids a scenario's setup() created (from the summary's setupData). */
export function tripIdsOf(setupData: unknown): number[] {
  const data = setupData as
    | { tripId?: number; trip?: { id?: number } }
    | undefined;
  const id = data?.tripId ?? data?.trip?.id;
  return typeof id === "number" ? [id] : [];
}
