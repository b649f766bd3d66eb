// Self time of a V8 sampling CPU profile (the DevTools Protocol's
// Profiler.stop result), by function and by source: each of our files, each
// npm package, each part of the Deno runtime, garbage collection. Idle time
// is left out of the shares: they are of the time the process was busy.

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function's code lives, in a reader's words. */
export function sourceOf(url: string, functionName: string, root: string) {
  if (!url) return functionName || "(native)";
  const npm = url.match(/node_modules\/(?:\.deno\/)?((?:@[^/@]+\/)?[^/@]+)/) ??
    url.match(/registry\.npmjs\.org\/((?:@[^/]+\/)?[^/]+)\//);
  if (npm) return `npm:${npm[1]}`;
  if (url.startsWith("ext:") || url.startsWith("node:")) {
    return url.split("/")[0];
  }
  const path = url.replace(/^file:\/\//, "");
  return path.startsWith(root) ? path.slice(root.length + 1) : path;
}

function table(title: string, rows: [string, number][], busy: number) {
  const lines = [
    `\n| ${title} | self ms | share of busy |`,
    "| --- | ---: | ---: |",
  ];
  for (const [name, us] of rows) {
    lines.push(
      `| ${name} | ${(us / 1000).toFixed(0)} | ${
        (100 * us / busy).toFixed(1)
      } % |`,
    );
  }
  return lines.join("\n");
}

/** Markdown tables: the top functions and the sources by self time. */
export function summarizeProfile(
  profile: CpuProfile,
  root: string,
  top = 20,
): string {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const bySource = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    if (functionName === "(idle)") {
      idle += us;
      return;
    }
    busy += us;
    const source = sourceOf(url, functionName, root);
    const name = `${functionName || "(anonymous)"} ${
      url ? `${source}:${lineNumber + 1}` : ""
    }`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    bySource.set(source, (bySource.get(source) ?? 0) + us);
  });
  const sorted = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `busy ${(busy / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms`,
    table("source", sorted(bySource), busy),
    table("function", sorted(byFunction), busy),
  ].join("\n");
}
