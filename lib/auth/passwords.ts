import { argon2id, argon2Verify } from "hash-wasm";

// OWASP's minimum argon2id profile: 19 MiB, 2 passes, 1 lane (~70 ms here).
const MEMORY_KIB = 19_456;
const ITERATIONS = 2;

/** Hashes a password with argon2id and a random salt (PHC string). */
export async function hashPassword(password: string): Promise<string> {
  return await argon2id({
    password,
    salt: crypto.getRandomValues(new Uint8Array(16)),
    parallelism: 1,
    iterations: ITERATIONS,
    memorySize: MEMORY_KIB,
    hashLength: 32,
    outputType: "encoded",
  });
}

/** Checks a password against a stored hash; the comparison is constant-time. */
export async function verifyPassword(
  password: string,
  hash: string,
): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash });
  } catch {
    return false;
  }
}
