// The e-ticket's signed token: what it says, and that a forged or altered
// one is refused, with only the public key (as a conductor's device has).
import assert from "node:assert/strict";
import { importJWK } from "jose";
import {
  deriveTicketKeys,
  signTicket,
  verifyTicket,
} from "../lib/tickets/token.ts";
import { qrSvg } from "../lib/tickets/qr.ts";
import type { TicketClaims } from "../lib/tickets/types.ts";

const claims: TicketClaims = {
  v: 1,
  ref: "BB-000123",
  bid: 123,
  tid: 7,
  dep: 1_800_000_000,
  seats: [3, 4],
  names: ["Ada Lovelace", "Grace Hopper"],
};

Deno.test("a signed ticket verifies and says who sits where", async () => {
  const keys = await deriveTicketKeys("a".repeat(48));
  const token = await signTicket(claims, keys);
  assert.deepEqual(await verifyTicket(token, keys), claims);
});

Deno.test("the key pair is derived from the secret: same secret, same key; another secret, another key", async () => {
  const one = await deriveTicketKeys("a".repeat(48));
  const same = await deriveTicketKeys("a".repeat(48));
  const other = await deriveTicketKeys("b".repeat(48));
  const token = await signTicket(claims, one);
  assert.deepEqual(await verifyTicket(token, same), claims);
  assert.equal(await verifyTicket(token, other), null);
});

Deno.test("an altered, truncated or unsigned ticket is refused", async () => {
  const keys = await deriveTicketKeys("a".repeat(48));
  const token = await signTicket(claims, keys);
  const [header, payload, signature] = token.split(".");
  const moreSeats = btoa(JSON.stringify({ ...claims, seats: [3, 4, 5] }))
    .replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const flipped = signature[0] === "A" ? "B" : "A";
  for (
    const forged of [
      `${header}.${moreSeats}.${signature}`,
      `${header}.${payload}.${flipped}${signature.slice(1)}`,
      `${header}.${payload}`,
      `${btoa('{"alg":"none"}').replace(/=+$/, "")}.${payload}.`,
      "BB-000123",
      "",
    ]
  ) {
    assert.equal(await verifyTicket(forged, keys), null, forged);
  }
});

Deno.test("the public key alone verifies (offline check on a staff device)", async () => {
  const keys = await deriveTicketKeys("a".repeat(48));
  const jwk = await crypto.subtle.exportKey("jwk", keys.publicKey);
  assert.equal(jwk.d, undefined, "no private part in the public key");
  const publicKey = await importJWK({ ...jwk, alg: "EdDSA" }, "EdDSA");
  const token = await signTicket(claims, keys);
  assert.deepEqual(
    await verifyTicket(token, {
      publicKey: publicKey as CryptoKey,
      privateKey: keys.privateKey,
    }),
    claims,
  );
});

Deno.test("the QR code is an SVG of dark modules, larger for more data", () => {
  const small = qrSvg("BB-000001");
  const large = qrSvg("x".repeat(400));
  assert.match(small, /^<svg[^>]*viewBox="0 0 \d+ \d+"/);
  const size = (svg: string) => Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
  assert.ok(size(large) > size(small));
});
