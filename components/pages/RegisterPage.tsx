import type { SessionUser } from "../../lib/auth/types.ts";
import Layout from "../Layout.tsx";
import AuthCard from "../AuthCard.tsx";
import Field from "../Field.tsx";
import Notice from "../Notice.tsx";
import { buttonPrimary, textLink } from "../ui.ts";

export interface RegisterPageProps {
  user: SessionUser | null;
  /** Where to go after signing up (a safe local path). */
  next: string;
  /** Name and email to fill in again; never the password. */
  values?: Record<string, string>;
  errors?: Record<string, string>;
  /** A message about the whole form (too many tries). */
  message?: string;
}

/** The sign-up form, with a link to sign in instead. */
export default function RegisterPage(
  { user, next, values = {}, errors = {}, message }: RegisterPageProps,
) {
  const loginHref = next === "/"
    ? "/login"
    : `/login?next=${encodeURIComponent(next)}`;
  return (
    <Layout title="Create an account" user={user}>
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
    </Layout>
  );
}
