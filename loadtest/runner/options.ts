// Turns a script's exported `options` into the scenarios the runner
// executes. Only what the runner implements is accepted: an unknown executor
// or scenario option stops the run with a message instead of being ignored.
import { parseDuration } from "./durations.ts";
import type { Tags } from "./registry.ts";
import type { ThresholdsOption } from "./thresholds.ts";

interface ScenarioBase {
  name: string;
  /** Name of the exported function each iteration calls. */
  exec: string;
  startTimeMs: number;
  gracefulStopMs: number;
  tags: Tags;
}

export interface IterationsScenario extends ScenarioBase {
  executor: "shared-iterations" | "per-vu-iterations";
  vus: number;
  iterations: number;
  maxDurationMs: number;
}

export interface ConstantVusScenario extends ScenarioBase {
  executor: "constant-vus";
  vus: number;
  durationMs: number;
}

export type Scenario = IterationsScenario | ConstantVusScenario;

export interface RunOptions {
  scenarios: Scenario[];
  thresholds: ThresholdsOption;
  setupTimeoutMs: number;
  teardownTimeoutMs: number;
}

const COMMON_KEYS = ["executor", "exec", "startTime", "gracefulStop", "tags"];
const KEYS: Record<Scenario["executor"], string[]> = {
  "shared-iterations": [...COMMON_KEYS, "vus", "iterations", "maxDuration"],
  "per-vu-iterations": [...COMMON_KEYS, "vus", "iterations", "maxDuration"],
  "constant-vus": [...COMMON_KEYS, "vus", "duration"],
};

// deno-lint-ignore no-explicit-any
type Raw = Record<string, any>;

function positiveInteger(value: unknown, what: string, fallback: number) {
  const number = value ?? fallback;
  if (typeof number !== "number" || !Number.isInteger(number) || number < 1) {
    throw new Error(`${what} must be a positive integer, got ${value}`);
  }
  return number;
}

function parseScenario(name: string, raw: Raw): Scenario {
  const executor = raw.executor as Scenario["executor"];
  const allowed = KEYS[executor];
  if (!allowed) {
    throw new Error(
      `scenario "${name}": executor "${raw.executor}" is not supported ` +
        `by the Deno runner (use ${Object.keys(KEYS).join(", ")})`,
    );
  }
  const unknown = Object.keys(raw).filter((key) => !allowed.includes(key));
  if (unknown.length) {
    throw new Error(
      `scenario "${name}": option(s) ${unknown.join(", ")} are not ` +
        `supported by the Deno runner for ${executor}`,
    );
  }
  const base: ScenarioBase = {
    name,
    exec: raw.exec ?? "default",
    startTimeMs: parseDuration(raw.startTime ?? 0),
    gracefulStopMs: parseDuration(raw.gracefulStop ?? "30s"),
    tags: { ...raw.tags },
  };
  const vus = positiveInteger(raw.vus, `scenario "${name}": vus`, 1);
  if (executor === "constant-vus") {
    if (raw.duration === undefined) {
      throw new Error(`scenario "${name}": constant-vus needs a duration`);
    }
    return { ...base, executor, vus, durationMs: parseDuration(raw.duration) };
  }
  return {
    ...base,
    executor,
    vus,
    iterations: positiveInteger(
      raw.iterations,
      `scenario "${name}": iterations`,
      1,
    ),
    maxDurationMs: parseDuration(raw.maxDuration ?? "10m"),
  };
}

/** Reads a script's `options` (scenarios, or the vus/iterations/duration shortcuts). */
export function parseOptions(raw: Raw = {}): RunOptions {
  let scenarios: Scenario[];
  if (raw.scenarios) {
    scenarios = Object.entries(raw.scenarios as Record<string, Raw>).map((
      [name, scenario],
    ) => parseScenario(name, scenario));
    if (scenarios.length === 0) throw new Error("options.scenarios is empty");
  } else if (raw.duration !== undefined) {
    scenarios = [parseScenario("default", {
      executor: "constant-vus",
      vus: raw.vus,
      duration: raw.duration,
    })];
  } else {
    scenarios = [parseScenario("default", {
      executor: raw.iterations ? "shared-iterations" : "per-vu-iterations",
      vus: raw.vus,
      iterations: raw.iterations,
    })];
  }
  return {
    scenarios,
    thresholds: raw.thresholds ?? {},
    setupTimeoutMs: parseDuration(raw.setupTimeout ?? "60s"),
    teardownTimeoutMs: parseDuration(raw.teardownTimeout ?? "60s"),
  };
}

/** How long a scenario can run at most, start time and graceful stop included. */
export function scenarioDeadlineMs(scenario: Scenario): number {
  const active = scenario.executor === "constant-vus"
    ? scenario.durationMs
    : scenario.maxDurationMs;
  return scenario.startTimeMs + active + scenario.gracefulStopMs;
}
