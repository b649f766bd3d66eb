// Sign-up shows every problem at once: a too-short password and an email
// that already has an account are named together, on the first submit.
import assert from "node:assert/strict";
import { dbTest } from "./support/db.ts";
import { createTestUser } from "./support/factories.ts";
import { postForm } from "./support/forms.ts";
import { sql } from "../lib/db/pool.ts";

dbTest(
  "a taken email and a short password are both named on the first submit",
  async () => {
    const existing = await createTestUser();
    const res = await postForm("/register", {
      name: "Second Try",
      email: existing.email.toUpperCase(),
      password: "short",
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Password must be at least 8 characters/);
    assert.match(html, /An account with this email already exists/);
    const [{ count }] = await sql<{ count: number }[]>`
      select count(*)::int as count from users
      where lower(email) = lower(${existing.email})
    `;
    assert.equal(count, 1);
  },
);

dbTest(
  "control: a free email with a short password names only the password",
  async () => {
    const res = await postForm("/register", {
      name: "New Person",
      email: `free-${crypto.randomUUID()}@example.test`,
      password: "short",
    });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /Password must be at least 8 characters/);
    assert.doesNotMatch(html, /already exists/);
  },
);
