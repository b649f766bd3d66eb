// Signed, tamper-evident ticket tokens for the e-ticket's QR code. Ed25519
// (EdDSA), so a conductor's device can verify a ticket offline with only
// the public key; the private key never leaves the server. The key pair is
// derived from JWT_SECRET with HKDF (info "busbook ticket signing v1"): no
// extra secret to provision, every instance derives the same key, and
// rotating JWT_SECRET rotates ticket keys too (old tickets then fail).
import { CompactSign, compactVerify, exportJWK, type JWK } from "jose";
import { env } from "../env.ts";
import type { TicketClaims } from "./types.ts";

// An Ed25519 private key is its 32-byte seed wrapped in this PKCS#8 header.
const PKCS8_ED25519_PREFIX = Uint8Array.from([
  0x30,
  0x2e,
  0x02,
  0x01,
  0x00,
  0x30,
  0x05,
  0x06,
  0x03,
  0x2b,
  0x65,
  0x70,
  0x04,
  0x22,
  0x04,
  0x20,
]);
const ALG = "EdDSA";

export interface TicketKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** The Ed25519 key pair derived from `secret` (deterministic). */
export async function deriveTicketKeys(secret: string): Promise<TicketKeys> {
  const material = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    "HKDF",
    false,
    ["deriveBits"],
  );
  const seed = new Uint8Array(
    await crypto.subtle.deriveBits(
      {
        name: "HKDF",
        hash: "SHA-256",
        salt: new Uint8Array(0),
        info: new TextEncoder().encode("busbook ticket signing v1"),
      },
      material,
      256,
    ),
  );
  const pkcs8 = new Uint8Array(PKCS8_ED25519_PREFIX.length + seed.length);
  pkcs8.set(PKCS8_ED25519_PREFIX);
  pkcs8.set(seed, PKCS8_ED25519_PREFIX.length);
  const privateKey = await crypto.subtle.importKey(
    "pkcs8",
    pkcs8,
    { name: "Ed25519" },
    true,
    ["sign"],
  );
  // The public half, from the private key's JWK (x is the public key).
  const { x } = await crypto.subtle.exportKey("jwk", privateKey);
  const publicKey = await crypto.subtle.importKey(
    "jwk",
    { kty: "OKP", crv: "Ed25519", x },
    { name: "Ed25519" },
    true,
    ["verify"],
  );
  return { privateKey, publicKey };
}

let configured: Promise<TicketKeys> | undefined;

/** The process's ticket keys, from JWT_SECRET. */
export function ticketKeys(): Promise<TicketKeys> {
  configured ??= deriveTicketKeys(env.JWT_SECRET);
  return configured;
}

/** The public key as a JWK, for devices that verify tickets offline. */
export async function ticketPublicJwk(): Promise<JWK> {
  return { ...await exportJWK((await ticketKeys()).publicKey), alg: ALG };
}

/** Signs the claims: a compact JWS (header.payload.signature). */
export async function signTicket(
  claims: TicketClaims,
  keys?: TicketKeys,
): Promise<string> {
  const { privateKey } = keys ?? await ticketKeys();
  return await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: ALG, typ: "busbook-ticket" })
    .sign(privateKey);
}

/**
 * The claims of a genuine ticket token.
 * @returns null for anything not signed by this key (forged, altered,
 * truncated, another algorithm) or not a ticket.
 */
export async function verifyTicket(
  token: string,
  keys?: TicketKeys,
): Promise<TicketClaims | null> {
  const { publicKey } = keys ?? await ticketKeys();
  try {
    const { payload } = await compactVerify(token.trim(), publicKey, {
      algorithms: [ALG],
    });
    const claims = JSON.parse(new TextDecoder().decode(payload));
    return claims?.v === 1 && typeof claims.bid === "number" ? claims : null;
  } catch {
    return null;
  }
}
