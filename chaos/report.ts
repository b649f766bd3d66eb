// The one table a chaos run prints, and the summary it may write as JSON.
import type { Final, Recorder, WriteOp } from "./client.ts";
import { FAULT_LABELS, type FaultKind, type FaultLog } from "./faults.ts";
import { VIOLATION_LABELS, type Violations } from "./checker.ts";
import type { AppSlot } from "./world.ts";

const OPS: WriteOp[] = ["book", "hold", "confirm", "cancel"];
const FINALS: [Final, string][] = [
  ["ok", "acknowledged (2xx)"],
  ["conflict", "refused, conflict (409)"],
  ["rejected", "refused, other 4xx"],
  ["server_error", "5xx after retries"],
  ["gave_up", "no answer within 60 s"],
];

export function totalAttempts(recorder: Recorder): number {
  let total = 0;
  for (const op of OPS) {
    for (const count of Object.values(recorder.tally.attempts[op])) {
      total += count;
    }
  }
  return total;
}

const fmt = (n: number) => n.toLocaleString("en-US");
const pad = (text: string, width: number) => text.padStart(width);

export interface Summary {
  clean: boolean;
  seed: number;
  elapsedSeconds: number;
  attempts: number;
  requests: number;
  retries: number;
  outcomes: Record<WriteOp, Record<Final, number>>;
  statuses: Record<string, number>;
  faults: Record<string, number>;
  terminatedSessions: number;
  droppedConnections: number;
  violations: Record<string, number>;
  examples: string[];
}

export function report(input: {
  recorder: Recorder;
  faults: FaultLog;
  faultKinds: FaultKind[];
  violations: Violations;
  supersededHolds: number;
  slots: AppSlot[];
  elapsedMs: number;
  instances: number;
  seed: number;
  tripsCreated: number;
}): Summary {
  const { recorder, faults, violations, slots } = input;
  const { tally } = recorder;
  const attempts = totalAttempts(recorder);
  const seconds = input.elapsedMs / 1000;
  const deaths = slots.flatMap((slot) => slot.deaths);
  const uncaught = slots.flatMap((slot) => slot.process?.uncaught ?? []);
  const counted: Record<string, number> = {
    ...Object.fromEntries(
      Object.entries(violations).map(([name, list]) => [name, list.length]),
    ),
    bare5xx: tally.bare5xx,
    internal: tally.internal,
    deaths: deaths.length + uncaught.length,
    harnessErrors: tally.harnessErrors.length + faults.failures.length,
  };
  const labels: Record<string, string> = {
    ...VIOLATION_LABELS,
    bare5xx: "5xx without Retry-After",
    internal: "500 answers",
    deaths: "process deaths (not injected)",
    harnessErrors: "harness errors (run invalid)",
  };
  const clean = Object.values(counted).every((n) => n === 0);

  const lines: string[] = [];
  lines.push(
    `\nChaos soak: ${fmt(attempts)} booking attempts in ${
      seconds.toFixed(0)
    } s (${(attempts / seconds).toFixed(0)}/s), ${input.instances} app ` +
      `instances, ${fmt(input.tripsCreated)} trips, seed ${input.seed}`,
  );
  lines.push(
    `\n${"outcome".padEnd(26)}${OPS.map((op) => pad(op, 10)).join("")}${
      pad("total", 11)
    }`,
  );
  for (const [final, label] of FINALS) {
    const row = OPS.map((op) => tally.attempts[op][final]);
    lines.push(
      `${label.padEnd(26)}${row.map((n) => pad(fmt(n), 10)).join("")}${
        pad(fmt(row.reduce((a, b) => a + b, 0)), 11)
      }`,
    );
  }
  const statuses = [...tally.statuses].sort(([a], [b]) => a - b);
  lines.push(
    `\nrequests ${fmt(tally.requests)} (retries ${fmt(tally.retries)}): ` +
      statuses.map(([s, n]) => `${s === 0 ? "no answer" : s} ×${fmt(n)}`)
        .join(", "),
  );
  if (tally.rejectedCodes.size) {
    lines.push(
      `other 4xx: ${
        [...tally.rejectedCodes].map(([c, n]) => `${c} ×${n}`).join(", ")
      }`,
    );
  }
  lines.push(`\n${"fault injected".padEnd(52)}${pad("times", 7)}`);
  for (const kind of input.faultKinds) {
    lines.push(
      `${FAULT_LABELS[kind].padEnd(52)}${pad(fmt(faults.counts[kind]), 7)}`,
    );
  }
  lines.push(
    `  (sessions terminated ${fmt(faults.terminatedSessions)}, connections ` +
      `dropped ${fmt(faults.droppedConnections)}, instance restarts ${
        fmt(slots.reduce((n, slot) => n + slot.restarts, 0))
      })`,
  );
  lines.push(
    `  (holds superseded by their passenger's own later booking ${
      fmt(input.supersededHolds)
    })`,
  );
  lines.push(`\n${"violation".padEnd(52)}${pad("count", 7)}`);
  for (const [name, count] of Object.entries(counted)) {
    lines.push(`${labels[name].padEnd(52)}${pad(fmt(count), 7)}`);
  }
  const examples = [
    ...Object.values(violations).flatMap((list) => list.slice(0, 5)),
    ...tally.examples,
    ...deaths.map((d) => `death:\n${d}`),
    ...uncaught,
    ...tally.harnessErrors.slice(0, 5),
    ...faults.failures.slice(0, 5),
  ];
  if (examples.length) lines.push(`\nexamples:\n${examples.join("\n")}`);
  lines.push(`\nRESULT: ${clean ? "clean" : "VIOLATIONS"}`);
  console.log(lines.join("\n"));

  return {
    clean,
    seed: input.seed,
    elapsedSeconds: Math.round(seconds),
    attempts,
    requests: tally.requests,
    retries: tally.retries,
    outcomes: tally.attempts,
    statuses: Object.fromEntries(statuses.map(([s, n]) => [String(s), n])),
    faults: faults.counts,
    terminatedSessions: faults.terminatedSessions,
    droppedConnections: faults.droppedConnections,
    violations: counted,
    examples,
  };
}
