import assert from "node:assert/strict";
import { onTripChanged, tripChanged } from "../lib/trips/changes.ts";

Deno.test("tripChanged waits for every listener and survives a failing one", async () => {
  const seen: number[] = [];
  const originalError = console.error;
  console.error = () => {};
  const offSlow = onTripChanged(async (id) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    seen.push(id);
  });
  const offBroken = onTripChanged(() => {
    throw new Error("broken listener");
  });
  try {
    await tripChanged(7);
    assert.deepEqual(seen, [7]);
  } finally {
    offSlow();
    offBroken();
    console.error = originalError;
  }
  await tripChanged(8);
  assert.deepEqual(seen, [7], "removed listeners are not called");
});
