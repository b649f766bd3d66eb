import assert from "node:assert/strict";

/**
 * Runs `tests/fixtures/<name>` in its own Deno process (so it can read a
 * different environment at start-up), asserts it exited 0, and returns its
 * stderr and the JSON object it printed as its last stdout line.
 */
export async function runFixture(
  name: string,
  env: Record<string, string>,
): Promise<{ result: Record<string, unknown>; stderr: string }> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      new URL(`../fixtures/${name}`, import.meta.url).pathname,
    ],
    env,
    stdin: "null",
  }).output();
  const stdout = new TextDecoder().decode(output.stdout);
  const stderr = new TextDecoder().decode(output.stderr);
  assert.equal(output.code, 0, stderr);
  return { result: JSON.parse(stdout.trim().split("\n").at(-1)!), stderr };
}
