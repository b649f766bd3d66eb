// CPU time of the processes a benchmark compares, from /proc (Linux): robust
// to a busy machine where wall-clock rates swing with the neighbours' load.
import { descendantsOf } from "../tests/support/processes.ts";

/** CPU time (user + system, ms) process `pid` has used so far. */
export function processCpuMs(pid: number | "self"): number {
  const fields = Deno.readTextFileSync(`/proc/${pid}/stat`)
    .split(") ")[1].split(" ");
  // utime and stime are fields 14 and 15, in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The PID of the PostgreSQL server `sql` is connected to (its postmaster),
 * from the data directory's postmaster.pid: the server must run on this
 * machine and the role may read `data_directory` (a superuser).
 */
export async function postmasterPid(
  sql: (strings: TemplateStringsArray) => Promise<{ dir: string }[]>,
): Promise<number> {
  const [{ dir }] = await sql`select current_setting('data_directory') as dir`;
  const text = await Deno.readTextFile(`${dir}/postmaster.pid`);
  return Number(text.split("\n")[0]);
}

/**
 * CPU time (ms) used so far by one PostgreSQL server: its postmaster and
 * every child (backends, WAL writer, checkpointer…), not other clusters on
 * the machine. Backends that exited in between are not counted, so
 * measure with the pools already connected.
 */
export function postgresCpuMs(postmaster: number): number {
  let total = 0;
  for (const pid of [postmaster, ...descendantsOf([postmaster])]) {
    try {
      total += processCpuMs(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}
