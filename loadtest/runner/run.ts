// The Deno runner for k6 scripts. Usage (from the repository root):
//
//   deno run --no-config --import-map=loadtest/runner/import_map.json -A \
//     loadtest/runner/run.ts [-e KEY=VALUE]… [--summary-export=FILE] \
//     [--max-vus=N] [--max-duration=10m] SCRIPT.ts
//
// The import map points `k6`, `k6/http`, `k6/metrics` and `k6/execution` at
// the small implementations in ./k6/, so the script runs unchanged. The run:
// init (import the script) → setup() → scenarios (concurrently, each with
// its executor) → teardown(data) → thresholds → summary. Exit codes follow
// k6: 0 passed, 99 a threshold failed, 107 setup/teardown/script error,
// 108 aborted by the script.
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { addSample, allMetrics } from "./registry.ts";
import { builtin } from "./builtin_metrics.ts";
import {
  installGlobals,
  runInContext,
  TestAbortedError,
  testAbortSignal,
  type VuContext,
} from "./vu_context.ts";
import { parseOptions, scenarioDeadlineMs } from "./options.ts";
import { evaluateThresholds, parseThresholds } from "./thresholds.ts";
import { type Iterate, runScenario } from "./executors.ts";
import { buildSummary } from "./summary.ts";
import { formatSummary } from "./summary_text.ts";
import { formatDuration, parseDuration } from "./durations.ts";
import { closeSyncFetch } from "./sync_fetch.ts";

const EXIT_THRESHOLDS = 99;
const EXIT_SCRIPT_ERROR = 107;
const EXIT_ABORTED = 108;

const { values: flags, positionals } = parseArgs({
  args: Deno.args,
  options: {
    env: { type: "string", short: "e", multiple: true, default: [] },
    "summary-export": { type: "string" },
    "max-vus": { type: "string", default: "1000" },
    "max-duration": { type: "string", default: "15m" },
    quiet: { type: "boolean", default: false },
  },
  allowPositionals: true,
});
if (positionals.length !== 1) {
  console.error("usage: run.ts [-e KEY=VALUE]… [--summary-export=FILE] SCRIPT");
  Deno.exit(2);
}
const script = positionals[0];

const env: Record<string, string> = Deno.env.toObject();
for (const pair of flags.env) {
  const at = pair.indexOf("=");
  if (at <= 0) {
    console.error(`-e expects KEY=VALUE, got "${pair}"`);
    Deno.exit(2);
  }
  env[pair.slice(0, at)] = pair.slice(at + 1);
}
installGlobals(env);
builtin();

// deno-lint-ignore no-explicit-any
type ScriptModule = Record<string, any>;

/**
 * Runs setup() or teardown() synchronously, as k6 does. k6 does not
 * reliably await an async lifecycle function (grafana/k6#2935), so one
 * that returns a Promise is refused here rather than passing only under
 * this runner. Like k6, a run over the time limit fails.
 */
function runLifecycle(
  name: "setup" | "teardown",
  fn: () => unknown,
  limitMs: number,
): unknown {
  const began = performance.now();
  const result = runInContext(outside, fn);
  if (typeof (result as { then?: unknown } | null)?.then === "function") {
    throw new Error(
      `${name}() returned a Promise: k6 does not reliably await an async ` +
        `${name}(); keep it synchronous (http.get/post/batch work there)`,
    );
  }
  const took = performance.now() - began;
  if (took > limitMs) {
    throw new Error(
      `${name}() took ${formatDuration(took)}, over its ${
        formatDuration(limitMs)
      } limit`,
    );
  }
  return result;
}

// k6 hands each VU its own copy of setup's data; here they share one, so
// it is frozen: a scenario that mutates it fails loudly instead of leaking
// state between VUs.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

const outside: VuContext = {
  vu: 0,
  iteration: 0,
  scenario: { name: "", startTime: 0, iterationInTest: 0 },
  tags: {},
  signal: testAbortSignal,
};

async function main(): Promise<number> {
  const module: ScriptModule = await import(
    pathToFileURL(resolve(script)).href
  );
  const options = parseOptions(module.options);
  const thresholds = parseThresholds(options.thresholds, allMetrics());

  const totalVus = options.scenarios.reduce((sum, s) => sum + s.vus, 0);
  const longest = Math.max(...options.scenarios.map(scenarioDeadlineMs));
  if (totalVus > Number(flags["max-vus"])) {
    throw new Error(`${totalVus} VUs exceed --max-vus=${flags["max-vus"]}`);
  }
  if (longest > parseDuration(flags["max-duration"])) {
    throw new Error(
      `scenarios may run ${formatDuration(longest)}, over --max-duration=${
        flags["max-duration"]
      }`,
    );
  }
  for (const scenario of options.scenarios) {
    if (typeof module[scenario.exec] !== "function") {
      throw new Error(
        `scenario "${scenario.name}": the script exports no function "${scenario.exec}"`,
      );
    }
  }

  const iterationErrors = new Map<string, number>();
  const metrics = builtin();
  let fatal: string | undefined;
  let data: unknown;
  const started = performance.now();

  try {
    if (typeof module.setup === "function") {
      const result = runLifecycle(
        "setup",
        () => module.setup(),
        options.setupTimeoutMs,
      );
      data = deepFreeze(
        result === undefined ? undefined : JSON.parse(JSON.stringify(result)),
      );
    }
  } catch (error) {
    fatal = `setup() failed: ${describe(error)}`;
  }

  const setupSucceeded = !fatal;
  let nextVu = 1;
  const progress = flags.quiet ? undefined : setInterval(() => {
    const done = metrics.iterations.samples.length;
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.error(`running (${seconds}s): ${done} complete iterations`);
  }, 5000);
  const outcomes = fatal ? [] : await Promise.all(
    options.scenarios.map((scenario) => {
      const firstVu = nextVu;
      nextVu += scenario.vus;
      const fn = module[scenario.exec];
      const iterate: Iterate = async (it) => {
        const context: VuContext = {
          vu: it.vu,
          iteration: it.iteration,
          scenario: {
            name: scenario.name,
            startTime: it.scenarioStartTime,
            iterationInTest: it.iterationInTest,
          },
          tags: { ...scenario.tags, scenario: scenario.name },
          signal: it.signal,
        };
        const began = performance.now();
        try {
          await runInContext(context, async () => await fn(data));
          addSample(metrics.iterations, 1, context.tags);
          addSample(
            metrics.iterationDuration,
            performance.now() - began,
            context.tags,
          );
          return true;
        } catch (error) {
          if (it.signal.aborted || error instanceof TestAbortedError) {
            return false;
          }
          const message = describe(error);
          iterationErrors.set(message, (iterationErrors.get(message) ?? 0) + 1);
          return false;
        }
      };
      return runScenario(scenario, firstVu, iterate, testAbortSignal);
    }),
  );
  clearInterval(progress);

  if (testAbortSignal.aborted) {
    fatal = `test aborted: ${describe(testAbortSignal.reason)}`;
  }
  // As in k6: teardown runs whenever setup succeeded, even after an abort.
  if (setupSucceeded && typeof module.teardown === "function") {
    try {
      runLifecycle(
        "teardown",
        () => module.teardown(data),
        options.teardownTimeoutMs,
      );
    } catch (error) {
      fatal ??= `teardown() failed: ${describe(error)}`;
    }
  }

  closeSyncFetch();
  const durationMs = performance.now() - started;
  const summary = buildSummary({
    script,
    durationMs,
    scenarios: outcomes,
    metrics: allMetrics(),
    thresholds: evaluateThresholds(thresholds, allMetrics(), durationMs),
    iterationErrors,
    setupData: data,
    fatal,
  });
  console.log(formatSummary(summary));
  if (flags["summary-export"]) {
    await Deno.writeTextFile(
      flags["summary-export"],
      JSON.stringify(summary, null, 2),
    );
  }
  if (testAbortSignal.aborted) return EXIT_ABORTED;
  if (fatal) return EXIT_SCRIPT_ERROR;
  return summary.passed ? 0 : EXIT_THRESHOLDS;
}

try {
  Deno.exit(await main());
} catch (error) {
  console.error(`error: ${describe(error)}`);
  Deno.exit(EXIT_SCRIPT_ERROR);
}
