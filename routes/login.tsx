import { Hono } from "hono";
import type { Context } from "hono";
import type { AppEnv } from "../lib/http/context.ts";
import { sql } from "../lib/db/pool.ts";
import { authenticateUser, LoginInput } from "../lib/auth/accounts.ts";
import { limitLogin } from "../lib/auth/limits.ts";
import { startSession } from "../lib/auth/session.ts";
import { safeNextPath } from "../lib/auth/access.ts";
import { HttpError } from "../lib/http/errors.ts";
import { fieldErrors, formStrings } from "../lib/http/form_errors.ts";
import { renderDocument } from "../lib/islands/document.ts";
import Layout from "../components/Layout.tsx";
import AuthCard from "../components/AuthCard.tsx";
import Field from "../components/Field.tsx";
import Notice from "../components/Notice.tsx";
import { buttonPrimary, textLink } from "../components/ui.ts";

interface LoginFormState {
  next: string;
  email?: string;
  errors?: Record<string, string>;
  message?: string;
}

function renderLogin(
  c: Context<AppEnv>,
  state: LoginFormState,
  status: 200 | 400 | 401 | 429 = 200,
) {
  const { next, email = "", errors = {}, message } = state;
  const registerHref = next === "/"
    ? "/register"
    : `/register?next=${encodeURIComponent(next)}`;
  return c.html(
    renderDocument(
      <Layout title="Sign in" user={c.get("user")} section="account">
        <AuthCard
          title="Welcome back"
          intro="Sign in to book seats and see your tickets."
        >
          {message && (
            <div class="mb-4">
              <Notice tone="error">{message}</Notice>
            </div>
          )}
          <form method="post" action="/login" class="space-y-4" noValidate>
            <input type="hidden" name="next" value={next} />
            <Field
              name="email"
              label="Email"
              type="email"
              value={email}
              error={errors.email}
              autocomplete="email"
              required
            />
            <Field
              name="password"
              label="Password"
              type="password"
              error={errors.password}
              autocomplete="current-password"
              required
            />
            <button type="submit" class={`${buttonPrimary} w-full`}>
              Sign in
            </button>
          </form>
          <p class="mt-6 text-center text-slate-700">
            New to Busbook?{" "}
            <a href={registerHref} class={textLink}>Create an account</a>
          </p>
        </AuthCard>
      </Layout>,
    ),
    status,
  );
}

const login = new Hono<AppEnv>();

login.get("/", (c) => {
  const next = safeNextPath(c.req.query("next"));
  if (c.get("user")) return c.redirect(next, 303);
  return renderLogin(c, { next });
});

login.post("/", async (c) => {
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
        c.header("Retry-After", String(error.details.retryAfterSeconds ?? 60));
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
});

export default login;
