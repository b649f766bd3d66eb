import type { SessionUser } from "../../lib/auth/types.ts";
import Layout from "../Layout.tsx";
import AuthCard from "../AuthCard.tsx";
import Field from "../Field.tsx";
import Notice from "../Notice.tsx";
import { buttonPrimary, textLink } from "../ui.ts";

export interface LoginPageProps {
  user: SessionUser | null;
  /** Where to go after signing in (a safe local path). */
  next: string;
  /** The email to fill in again after a failed attempt. */
  email?: string;
  errors?: Record<string, string>;
  /** A message about the whole form (wrong password, too many tries). */
  message?: string;
}

/** The sign-in form, with a link to create an account. */
export default function LoginPage(
  { user, next, email = "", errors = {}, message }: LoginPageProps,
) {
  const registerHref = next === "/"
    ? "/register"
    : `/register?next=${encodeURIComponent(next)}`;
  return (
    <Layout title="Sign in" user={user} section="account">
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
    </Layout>
  );
}
