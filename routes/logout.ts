// POST /logout: signs out and goes home.
import type { Handlers } from "../lib/http/router.ts";
import { endSession } from "../lib/auth/session.ts";

export const handler: Handlers = {
  // A POST (from the header's "Sign out" button), so a link or an image on
  // another site cannot sign anyone out; the CSRF check covers it too.
  async POST(c) {
    await endSession(c);
    return c.redirect("/", 303);
  },
};
