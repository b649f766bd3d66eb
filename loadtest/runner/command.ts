// How another process starts this runner on a k6 script: `deno run` without
// the workspace config, with the import map that points `k6` at ./k6/.
const RUN = new URL("./run.ts", import.meta.url).pathname;
const IMPORT_MAP = new URL("./import_map.json", import.meta.url).pathname;

export interface RunnerOptions {
  /** Where the runner writes its JSON summary. */
  summaryExport?: string;
  quiet?: boolean;
  /** The script's `__ENV` additions (`-e KEY=VALUE`). */
  env?: Record<string, string>;
}

/** Arguments to `deno` that run the k6 script `script` through the runner. */
export function runnerArgs(
  script: string,
  options: RunnerOptions = {},
): string[] {
  return [
    "run",
    "--no-config",
    `--import-map=${IMPORT_MAP}`,
    "-A",
    RUN,
    ...(options.quiet ? ["--quiet"] : []),
    ...(options.summaryExport
      ? [`--summary-export=${options.summaryExport}`]
      : []),
    ...Object.entries(options.env ?? {}).flatMap(([key, value]) => [
      "-e",
      `${key}=${value}`,
    ]),
    script,
  ];
}
