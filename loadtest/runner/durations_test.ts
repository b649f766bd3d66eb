import assert from "node:assert/strict";
import { formatDuration, parseDuration } from "./durations.ts";

Deno.test("parseDuration reads k6 duration strings", () => {
  assert.equal(parseDuration("500ms"), 500);
  assert.equal(parseDuration("30s"), 30_000);
  assert.equal(parseDuration("1m30s"), 90_000);
  assert.equal(parseDuration("1.5s"), 1500);
  assert.equal(parseDuration("2h"), 7_200_000);
  assert.equal(parseDuration(250), 250);
});

Deno.test("parseDuration refuses what k6 would refuse", () => {
  for (const bad of ["", "10", "1x", "s", "-5s", "1m 30s"]) {
    assert.throws(() => parseDuration(bad), /invalid duration/, bad);
  }
  assert.throws(() => parseDuration(-1), /invalid duration/);
});

Deno.test("formatDuration prints short k6-like durations", () => {
  assert.equal(formatDuration(850), "850ms");
  assert.equal(formatDuration(12_340), "12.3s");
  assert.equal(formatDuration(65_000), "1m5s");
  assert.equal(formatDuration(120_000), "2m");
});
