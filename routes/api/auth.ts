import { Hono } from "hono";
import type { AppEnv } from "../../lib/http/context.ts";
import { sql } from "../../lib/db/pool.ts";
import { requireUser } from "../../lib/auth/tokens.ts";
import {
  authenticateUser,
  LoginInput,
  RegisterInput,
  registerUser,
} from "../../lib/auth/accounts.ts";
import { limitLogin, limitRegistration } from "../../lib/auth/limits.ts";
import { endSession, startSession } from "../../lib/auth/session.ts";
import { getUser, presentUser } from "../../lib/auth/users.ts";
import { validateJson } from "../../lib/http/validation.ts";
import { UnauthorizedError } from "../../lib/http/errors.ts";

const auth = new Hono<AppEnv>();

// Responses carry a session token: never let a cache keep them.
auth.use(async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
});

auth.post("/register", async (c) => {
  const input = await validateJson(c, RegisterInput);
  await limitRegistration(c);
  const user = await registerUser(sql, input);
  const token = await startSession(c, user);
  c.header("Location", "/api/auth/me");
  return c.json({ user: presentUser(user), token }, 201);
});

auth.post("/login", async (c) => {
  const input = await validateJson(c, LoginInput);
  await limitLogin(c, input.email);
  const user = await authenticateUser(sql, input);
  const token = await startSession(c, user);
  return c.json({ user: presentUser(user), token });
});

auth.post("/logout", (c) => {
  endSession(c);
  return c.body(null, 204);
});

auth.get("/me", async (c) => {
  const session = requireUser(c);
  const user = await getUser(sql, session.id);
  // A valid token for a deleted account is no session.
  if (!user) throw new UnauthorizedError();
  return c.json({ user: presentUser(user) });
});

export default auth;
