// Password hashing: argon2id with OWASP's minimum profile (19 MiB, 2
// passes, 1 lane), stored as the standard PHC string
// ($argon2id$v=19$m=19456,t=2,p=1$salt$hash), so hashes made by the
// earlier WebAssembly implementation keep verifying.
//
// @node-rs/argon2 runs each hash on libuv's thread pool, off the event
// loop, so a burst of sign-ins no longer stalls every other request. At
// most one hash per core but one runs at a time: each takes a core for
// ~25 ms, and with all cores hashing, pages and bookings would starve
// anyway. Logins queue instead; their rate grows with the cores.
import { type Algorithm, hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id: the package's enum is an ambient const enum, which
// isolated modules cannot read at run time.
const ARGON2ID = 2 as Algorithm;

const PROFILE = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

const SLOTS = Math.max(1, (navigator.hardwareConcurrency ?? 2) - 1);
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when a hashing slot is free. */
async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= SLOTS) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or free it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Hashes a password with argon2id and a random salt (PHC string). */
export async function hashPassword(password: string): Promise<string> {
  return await inSlot(() => hash(password, PROFILE));
}

/** Checks a password against a stored hash; the comparison is constant-time. */
export async function verifyPassword(
  password: string,
  stored: string,
): Promise<boolean> {
  try {
    return await inSlot(() => verify(stored, password));
  } catch {
    return false;
  }
}
