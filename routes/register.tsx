// /register: GET shows the sign-up form (signed in already: straight on to
// `next`); POST creates the account, signs in and answers 303 to `next`.
import type { Context } from "hono";
import type { AppEnv } from "../lib/http/context.ts";
import type { Handlers } from "../lib/http/router.ts";
import { sql } from "../lib/db/pool.ts";
import { RegisterInput, registerUser } from "../lib/auth/accounts.ts";
import { findUserByEmail } from "../lib/auth/users.ts";
import { limitRegistration } from "../lib/auth/limits.ts";
import { startSession } from "../lib/auth/session.ts";
import { safeNextPath } from "../lib/auth/access.ts";
import { HttpError } from "../lib/http/errors.ts";
import { fieldErrors, formStrings } from "../lib/http/form_errors.ts";
import { renderDocument } from "../lib/islands/document.ts";
import RegisterPage, {
  type RegisterPageProps,
} from "../components/pages/RegisterPage.tsx";

function renderRegister(
  c: Context<AppEnv>,
  form: Omit<RegisterPageProps, "user">,
  status: 200 | 400 | 409 | 429 = 200,
) {
  return c.html(
    renderDocument(<RegisterPage user={c.get("user")} {...form} />),
    status,
  );
}

export const handler: Handlers = {
  GET(c) {
    const next = safeNextPath(c.req.query("next"));
    if (c.get("user")) return c.redirect(next, 303);
    return renderRegister(c, { next });
  },

  async POST(c) {
    const raw = formStrings(await c.req.parseBody());
    const next = safeNextPath(raw.next);
    // The password is never sent back into the page.
    const values = { name: raw.name ?? "", email: raw.email ?? "" };
    const parsed = RegisterInput.safeParse(raw);
    try {
      if (!parsed.success) {
        // Every problem at once, the taken email included, so nobody
        // fixes the password only to learn about the email next time.
        const errors = fieldErrors(parsed.error);
        const email = RegisterInput.shape.email.safeParse(raw.email);
        if (!errors.email && email.success) {
          // Counted like a sign-up: it says whether an email has an
          // account, which must not be free to ask.
          await limitRegistration(c);
          if (await findUserByEmail(sql, email.data)) {
            errors.email = "An account with this email already exists";
          }
        }
        return renderRegister(c, { next, values, errors }, 400);
      }
      await limitRegistration(c);
      const user = await registerUser(sql, parsed.data);
      await startSession(c, user);
    } catch (error) {
      if (error instanceof HttpError && error.code === "EMAIL_TAKEN") {
        return renderRegister(c, {
          next,
          values,
          errors: { email: error.message },
        }, 409);
      }
      if (error instanceof HttpError && error.status === 429) {
        c.header("Retry-After", String(error.details.retryAfterSeconds ?? 60));
        return renderRegister(c, { next, values, message: error.message }, 429);
      }
      throw error;
    }
    return c.redirect(next, 303);
  },
};
