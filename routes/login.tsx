// /login: GET shows the sign-in form (signed in already: straight on to
// `next`); POST signs in and answers 303 to `next`, or the form again.
import type { Context } from "hono";
import type { AppEnv } from "../lib/http/context.ts";
import type { Handlers } from "../lib/http/router.ts";
import { sql } from "../lib/db/pool.ts";
import { authenticateUser, LoginInput } from "../lib/auth/accounts.ts";
import { limitLogin } from "../lib/auth/limits.ts";
import { startSession } from "../lib/auth/session.ts";
import { safeNextPath } from "../lib/auth/access.ts";
import { HttpError } from "../lib/http/errors.ts";
import { fieldErrors, formStrings } from "../lib/http/form_errors.ts";
import { renderDocument } from "../lib/islands/document.ts";
import LoginPage, {
  type LoginPageProps,
} from "../components/pages/LoginPage.tsx";

function renderLogin(
  c: Context<AppEnv>,
  form: Omit<LoginPageProps, "user">,
  status: 200 | 400 | 401 | 429 = 200,
) {
  return c.html(
    renderDocument(<LoginPage user={c.get("user")} {...form} />),
    status,
  );
}

export const handler: Handlers = {
  GET(c) {
    const next = safeNextPath(c.req.query("next"));
    if (c.get("user")) return c.redirect(next, 303);
    return renderLogin(c, { next });
  },

  async POST(c) {
    const values = formStrings(await c.req.parseBody());
    const next = safeNextPath(values.next);
    const parsed = LoginInput.safeParse(values);
    if (!parsed.success) {
      return renderLogin(c, {
        next,
        email: values.email,
        errors: fieldErrors(parsed.error),
      }, 400);
    }
    try {
      await limitLogin(c, parsed.data.email);
      const user = await authenticateUser(sql, parsed.data);
      await startSession(c, user);
    } catch (error) {
      if (
        error instanceof HttpError &&
        (error.status === 401 || error.status === 429)
      ) {
        if (error.status === 429) {
          c.header(
            "Retry-After",
            String(error.details.retryAfterSeconds ?? 60),
          );
        }
        return renderLogin(c, {
          next,
          email: values.email,
          message: error.message,
        }, error.status);
      }
      throw error;
    }
    return c.redirect(next, 303);
  },
};
