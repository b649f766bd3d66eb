import { Hono } from "hono";
import type { AppEnv } from "../lib/http/context.ts";
import { endSession } from "../lib/auth/session.ts";

const logout = new Hono<AppEnv>();

// A POST (from the header's "Sign out" button), so a link or an image on
// another site cannot sign anyone out; the CSRF check covers it too.
logout.post("/", (c) => {
  endSession(c);
  return c.redirect("/", 303);
});

export default logout;
