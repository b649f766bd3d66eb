// Forged, broken and stale tokens: each must be treated as no session (401),
// through the Bearer header and through the cookie alike.
import assert from "node:assert/strict";
import { SignJWT } from "jose";
import { app } from "../main.ts";
import { env } from "../lib/env.ts";
import { createTestUser } from "./support/factories.ts";
import { dbTest } from "./support/db.ts";
import { MemoryCache } from "../lib/cache/memory.ts";

const ourSecret = new TextEncoder().encode(env.JWT_SECRET);

function base64url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-")
    .replace(/\//g, "_");
}

async function signed(
  claims: Record<string, unknown>,
  options: {
    secret?: Uint8Array;
    alg?: string;
    exp?: number | string | null;
    iat?: number | null;
  } = {},
): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({
    alg: options.alg ?? "HS256",
    typ: "JWT",
  });
  if (options.iat !== null) jwt.setIssuedAt(options.iat);
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? "1h");
  return await jwt.sign(options.secret ?? ourSecret);
}

/** Replaces one character in the middle of the signature. */
function tamperSignature(token: string): string {
  const [header, payload, signature] = token.split(".");
  const i = Math.floor(signature.length / 2);
  const swapped = signature[i] === "A" ? "B" : "A";
  return `${header}.${payload}.${signature.slice(0, i)}${swapped}${
    signature.slice(i + 1)
  }`;
}

async function expect401(token: string) {
  const ways: Record<string, string>[] = [
    { authorization: `Bearer ${token}` },
    { cookie: `busbook_session=${token}` },
  ];
  for (const headers of ways) {
    const me = await app.request("/api/auth/me", { headers });
    assert.equal(me.status, 401, `/api/auth/me with ${Object.keys(headers)}`);
    assert.equal((await me.json()).error.code, "UNAUTHORIZED");
    // On an admin route the forged token must not even reach the role check.
    const admin = await app.request("/api/admin/stats", { headers });
    assert.equal(
      admin.status,
      401,
      `/api/admin/stats with ${Object.keys(headers)}`,
    );
  }
}

dbTest("control: a token we signed is accepted", async () => {
  const user = await createTestUser();
  const token = await signed({ sub: String(user.id), role: "user" });
  const res = await app.request("/api/auth/me", {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200);
});

dbTest("an expired token is a 401", async () => {
  const user = await createTestUser();
  const now = Math.floor(Date.now() / 1000);
  await expect401(
    await signed({ sub: String(user.id), role: "user" }, {
      iat: now - 7200,
      exp: now - 60,
    }),
  );
});

dbTest(
  "a token accepted a moment ago: its tampered twin is still a 401, and it stops working when it expires",
  async () => {
    const user = await createTestUser();
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await signed({ sub: String(user.id), role: "user" }, {
      iat: now,
      exp: now + 2,
    });
    const accepted = await app.request("/api/auth/me", {
      headers: { authorization: `Bearer ${shortLived}` },
    });
    assert.equal(accepted.status, 200, "control: accepted while fresh");
    await accepted.body?.cancel();
    await expect401(tamperSignature(shortLived));
    // Past its exp (second-granular), the remembered verification is gone.
    await new Promise((resolve) =>
      setTimeout(resolve, (now + 2) * 1000 - Date.now() + 50)
    );
    await expect401(shortLived);
  },
);

Deno.test("the verified-token memory (a MemoryCache, each token kept until its exp): a hit until then, then none; bounded, oldest first", () => {
  let clock = 0;
  const memo = new MemoryCache({ maxEntries: 2, now: () => clock });
  const exp = 100; // the token's exp, seconds
  memo.set("a", "claims of a", exp - clock / 1000);
  clock = 99_999;
  assert.equal(memo.get("a"), "claims of a");
  clock = 100_000;
  assert.equal(memo.get("a"), undefined, "expired at exp");
  clock = 50_000;
  assert.equal(memo.get("a"), undefined, "and forgotten");
  clock = 0;
  memo.set("b", "b", 200);
  memo.set("c", "c", 200);
  memo.set("d", "d", 200); // evicts b
  assert.equal(memo.size, 2);
  assert.equal(memo.get("b"), undefined);
  assert.equal(memo.get("d"), "d");
});

dbTest("a token with a tampered signature is a 401", async () => {
  const user = await createTestUser();
  await expect401(
    tamperSignature(await signed({ sub: String(user.id), role: "user" })),
  );
});

dbTest(
  "a user token whose payload was edited to role admin is a 401",
  async () => {
    const user = await createTestUser();
    const [header, , signature] = user.token.split(".");
    const now = Math.floor(Date.now() / 1000);
    const forgedPayload = base64url({
      sub: String(user.id),
      role: "admin",
      iat: now,
      exp: now + 3600,
    });
    await expect401(`${header}.${forgedPayload}.${signature}`);
  },
);

dbTest("an unsigned alg:none token is a 401", async () => {
  const user = await createTestUser({ role: "admin" });
  const now = Math.floor(Date.now() / 1000);
  const payload = base64url({
    sub: String(user.id),
    role: "admin",
    iat: now,
    exp: now + 3600,
  });
  for (const alg of ["none", "None", "NONE"]) {
    const header = base64url({ alg, typ: "JWT" });
    await expect401(`${header}.${payload}.`);
    await expect401(`${header}.${payload}`);
  }
});

dbTest("a token signed with another secret is a 401", async () => {
  const user = await createTestUser();
  const otherSecret = new TextEncoder().encode("another-secret-".repeat(4));
  await expect401(
    await signed({ sub: String(user.id), role: "admin" }, {
      secret: otherSecret,
    }),
  );
});

dbTest(
  "a token signed with our secret under another algorithm (HS512) is a 401",
  async () => {
    const user = await createTestUser();
    await expect401(
      await signed({ sub: String(user.id), role: "user" }, { alg: "HS512" }),
    );
  },
);

dbTest(
  "a signed token without exp, or with a bogus role or subject, is a 401",
  async () => {
    const user = await createTestUser();
    const sub = String(user.id);
    await expect401(await signed({ sub, role: "user" }, { exp: null }));
    await expect401(await signed({ sub, role: "superuser" }));
    await expect401(await signed({ sub }));
    await expect401(await signed({ sub: "1 or 1=1", role: "user" }));
    await expect401(await signed({ sub: "-1", role: "user" }));
    await expect401(await signed({ role: "user" }));
  },
);

dbTest("garbage tokens are a 401, never a 500", async () => {
  for (
    const garbage of [
      "garbage",
      "a.b.c",
      "....",
      "eyJhbGciOiJIUzI1NiJ9",
      "%00%ff",
      "x".repeat(4000),
    ]
  ) {
    await expect401(garbage);
  }
  const empty = await app.request("/api/auth/me", {
    headers: { authorization: "Bearer " },
  });
  assert.equal(empty.status, 401);
});
