import { Hono } from "hono";
import type { Context } from "hono";
import type { AppEnv } from "../lib/http/context.ts";
import { sql } from "../lib/db/pool.ts";
import { RegisterInput, registerUser } from "../lib/auth/accounts.ts";
import { limitRegistration } from "../lib/auth/limits.ts";
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

interface RegisterFormState {
  next: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
}

function renderRegister(
  c: Context<AppEnv>,
  state: RegisterFormState,
  status: 200 | 400 | 409 | 429 = 200,
) {
  const { next, values = {}, errors = {}, message } = state;
  const loginHref = next === "/"
    ? "/login"
    : `/login?next=${encodeURIComponent(next)}`;
  return c.html(
    renderDocument(
      <Layout title="Create an account" user={c.get("user")}>
        <AuthCard
          title="Create your account"
          intro="It takes a minute. Then pick your seats."
        >
          {message && (
            <div class="mb-4">
              <Notice tone="error">{message}</Notice>
            </div>
          )}
          <form method="post" action="/register" class="space-y-4" noValidate>
            <input type="hidden" name="next" value={next} />
            <Field
              name="name"
              label="Full name"
              value={values.name}
              error={errors.name}
              autocomplete="name"
              required
              maxLength={100}
            />
            <Field
              name="email"
              label="Email"
              type="email"
              value={values.email}
              error={errors.email}
              autocomplete="email"
              required
            />
            <Field
              name="password"
              label="Password"
              type="password"
              error={errors.password}
              hint="At least 8 characters."
              autocomplete="new-password"
              required
              minLength={8}
            />
            <button type="submit" class={`${buttonPrimary} w-full`}>
              Create account
            </button>
          </form>
          <p class="mt-6 text-center text-slate-700">
            Already have an account?{" "}
            <a href={loginHref} class={textLink}>Sign in</a>
          </p>
        </AuthCard>
      </Layout>,
    ),
    status,
  );
}

const register = new Hono<AppEnv>();

register.get("/", (c) => {
  const next = safeNextPath(c.req.query("next"));
  if (c.get("user")) return c.redirect(next, 303);
  return renderRegister(c, { next });
});

register.post("/", async (c) => {
  const raw = formStrings(await c.req.parseBody());
  const next = safeNextPath(raw.next);
  // The password is never sent back into the page.
  const values = { name: raw.name ?? "", email: raw.email ?? "" };
  const parsed = RegisterInput.safeParse(raw);
  if (!parsed.success) {
    return renderRegister(c, {
      next,
      values,
      errors: fieldErrors(parsed.error),
    }, 400);
  }
  try {
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
});

export default register;
