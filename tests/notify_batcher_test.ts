// The trip-change NOTIFYs are batched (lib/live/notify_batcher.ts): one at
// once when idle, the ones that arrive meanwhile together in the next
// statement, retried after a failure without holding the caller up.
import assert from "node:assert/strict";
import { NotifyBatcher } from "../lib/live/notify_batcher.ts";

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

Deno.test("changes arriving while a NOTIFY is on its way share the next one", async () => {
  const sent: number[][] = [];
  const gates = [deferred(), deferred()];
  const batcher = new NotifyBatcher((ids) => {
    sent.push(ids);
    return gates[sent.length - 1].promise;
  });
  const first = batcher.publish(1);
  const later = [batcher.publish(2), batcher.publish(3), batcher.publish(2)];
  assert.deepEqual(sent, [[1]]);
  gates[0].resolve();
  await first;
  gates[1].resolve();
  await Promise.all(later);
  // Control: without batching there would be four statements.
  assert.deepEqual(sent, [[1], [2, 3]]);
});

Deno.test("a failed NOTIFY releases its callers and is sent again", async () => {
  const sent: number[][] = [];
  let fail = true;
  const batcher = new NotifyBatcher((ids) => {
    sent.push(ids);
    if (fail) return Promise.reject(new Error("connection lost"));
    return Promise.resolve();
  }, 20);
  const errors = console.error;
  console.error = () => {};
  try {
    await batcher.publish(7); // resolves although the statement failed
    fail = false;
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepEqual(sent, [[7], [7]]);
  } finally {
    console.error = errors;
    batcher.close();
  }
});

Deno.test("after close nothing more is sent", async () => {
  const sent: number[][] = [];
  const batcher = new NotifyBatcher((ids) => {
    sent.push(ids);
    return Promise.resolve();
  });
  batcher.close();
  await batcher.publish(1);
  assert.deepEqual(sent, []);
});
