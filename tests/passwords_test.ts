// Password hashing: the stored format and its parameters, hashes made by
// the earlier implementation, and hashing off the event loop.
import assert from "node:assert/strict";
import { hashPassword, verifyPassword } from "../lib/auth/passwords.ts";

// Made by the previous hash-wasm implementation (argon2id, m=19456, t=2,
// p=1, salt "busbook-fixture!"): accounts created before the switch.
const LEGACY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$YnVzYm9vay1maXh0dXJlIQ$QdBaVhdQoVpzRktWOL+F15oMDbmli7gO6oxt1w47hZ4";

Deno.test("a new hash is argon2id with OWASP's profile in the PHC format", async () => {
  const stored = await hashPassword("correct horse battery staple");
  assert.match(
    stored,
    /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[^$]{22}\$[^$]{43}$/,
  );
  assert.notEqual(stored, await hashPassword("correct horse battery staple"));
  assert.equal(
    await verifyPassword("correct horse battery staple", stored),
    true,
  );
  assert.equal(
    await verifyPassword("correct horse battery stapler", stored),
    false,
  );
});

Deno.test("hashes made before the switch still verify", async () => {
  assert.equal(
    await verifyPassword("correct horse battery staple", LEGACY_HASH),
    true,
  );
  assert.equal(await verifyPassword("wrong", LEGACY_HASH), false);
  assert.equal(await verifyPassword("x", "not a hash"), false);
});

Deno.test("verifying runs off the event loop: a timer fires while four verifications run", async () => {
  // With the WebAssembly implementation every verification ran on the
  // event loop and this order was [verified ×4, timer].
  const stored = await hashPassword("x");
  const order: string[] = [];
  const checks = Array.from(
    { length: 4 },
    () => verifyPassword("x", stored).then(() => order.push("verified")),
  );
  setTimeout(() => order.push("timer"), 0);
  await Promise.all(checks);
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(order[0], "timer");
  assert.equal(order.length, 5);
});
