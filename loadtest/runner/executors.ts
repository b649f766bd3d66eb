// The k6 executors the scenarios use, over an async `iterate` callback:
//   shared-iterations  `iterations` in total, taken by whichever VU is free;
//   per-vu-iterations  `iterations` for each VU;
//   constant-vus       every VU loops until `duration` has passed.
// VUs are concurrent async loops in this isolate. When the active time ends
// (duration or maxDuration) no new iteration starts; iterations still
// running get `gracefulStop`, then the scenario's signal is aborted, which
// ends their pending requests and sleeps, and they count as interrupted.
import type { Scenario } from "./options.ts";

export interface Iteration {
  /** 1-based VU id in the test. */
  vu: number;
  /** 0-based iteration of this VU. */
  iteration: number;
  /** 0-based iteration of the scenario. */
  iterationInTest: number;
  scenarioStartTime: number;
  /** Aborted at the scenario's hard stop. */
  signal: AbortSignal;
}

/** Runs one iteration; resolves true when it completed, false when it failed. */
export type Iterate = (iteration: Iteration) => Promise<boolean>;

export interface ScenarioOutcome {
  name: string;
  vus: number;
  completed: number;
  /** Iterations that threw or were cut off at the hard stop. */
  interrupted: number;
  durationMs: number;
}

/** Thrown into pending requests when a scenario reaches its hard stop. */
export class ScenarioStoppedError extends Error {
  override name = "ScenarioStoppedError";
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

/**
 * Runs a scenario: waits its `startTime`, then runs its VUs (ids
 * `firstVu`…`firstVu + vus - 1`) until the executor is done, the time is
 * up, or `testSignal` aborts.
 */
export async function runScenario(
  scenario: Scenario,
  firstVu: number,
  iterate: Iterate,
  testSignal: AbortSignal,
): Promise<ScenarioOutcome> {
  await delay(scenario.startTimeMs, testSignal);
  const started = performance.now();
  const startTime = Date.now();
  const hardStop = new AbortController();
  const onTestAbort = () => hardStop.abort(testSignal.reason);
  testSignal.addEventListener("abort", onTestAbort, { once: true });
  if (testSignal.aborted) onTestAbort();

  const activeMs = scenario.executor === "constant-vus"
    ? scenario.durationMs
    : scenario.maxDurationMs;
  let stopping = false;
  const gracefulTimer = setTimeout(() => {
    stopping = true;
  }, activeMs);
  const hardTimer = setTimeout(() => {
    stopping = true;
    hardStop.abort(
      new ScenarioStoppedError(`scenario "${scenario.name}" hit its hard stop`),
    );
  }, activeMs + scenario.gracefulStopMs);

  let sharedLeft = scenario.executor === "shared-iterations"
    ? scenario.iterations
    : 0;
  let nextInTest = 0;
  let completed = 0;
  let interrupted = 0;

  const takeIteration = (done: number): boolean => {
    if (stopping || hardStop.signal.aborted) return false;
    switch (scenario.executor) {
      case "shared-iterations":
        if (sharedLeft === 0) return false;
        sharedLeft -= 1;
        return true;
      case "per-vu-iterations":
        return done < scenario.iterations;
      case "constant-vus":
        return true;
    }
  };

  let running = scenario.vus;
  const runVu = async (vu: number) => {
    let done = 0;
    while (takeIteration(done)) {
      const ok = await iterate({
        vu,
        iteration: done,
        iterationInTest: nextInTest++,
        scenarioStartTime: startTime,
        signal: hardStop.signal,
      }).catch(() => false);
      done += 1;
      if (ok && !hardStop.signal.aborted) completed += 1;
      else interrupted += 1;
      // A VU whose iterations never await would starve the timers.
      if (scenario.executor === "constant-vus") {
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    running -= 1;
  };

  // After the hard stop, an iteration that ignores the signal is given one
  // more second, then abandoned and counted as interrupted.
  let abandonTimer: ReturnType<typeof setTimeout> | undefined;
  const onHardStop = () => {
    abandonTimer = setTimeout(() => abandon(), 1000);
  };
  let abandon = () => {};
  const abandoned = new Promise<void>((resolve) => abandon = resolve);
  hardStop.signal.addEventListener("abort", onHardStop, { once: true });

  const vus = Array.from(
    { length: scenario.vus },
    (_, i) => runVu(firstVu + i),
  );
  await Promise.race([Promise.all(vus), abandoned]);
  interrupted += running;

  clearTimeout(abandonTimer);
  clearTimeout(gracefulTimer);
  clearTimeout(hardTimer);
  hardStop.signal.removeEventListener("abort", onHardStop);
  testSignal.removeEventListener("abort", onTestAbort);
  return {
    name: scenario.name,
    vus: scenario.vus,
    completed,
    interrupted,
    durationMs: performance.now() - started,
  };
}
