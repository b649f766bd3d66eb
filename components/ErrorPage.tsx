import type { ErrorPageProps } from "../lib/http/error_handler.tsx";
import Layout from "./Layout.tsx";
import { BusIcon } from "./Icons.tsx";
import { buttonPrimary } from "./ui.ts";

// What the error handler tells every error page.
export type { ErrorPageProps };

function titleFor(status: number): string {
  if (status === 404) return "Page not found";
  if (status === 401) return "Please sign in";
  if (status === 403) return "Not allowed";
  if (status === 409) return "That did not work out";
  if (status < 500) return "Something is not right";
  return "Something went wrong";
}

/** A friendly page for 404s and failures, in the site's layout. */
export default function ErrorPage(
  { status, message, requestId, user }: ErrorPageProps,
) {
  const title = titleFor(status);
  return (
    <Layout title={title} user={user}>
      <section class="mx-auto max-w-lg py-12 text-center">
        <div class="mx-auto mb-6 grid size-20 place-items-center rounded-3xl bg-brand-50 text-brand-700">
          <BusIcon class="size-10" />
        </div>
        <p class="text-sm font-semibold tracking-wide text-brand-800">
          Error {status}
        </p>
        <h1 class="mt-2 text-3xl font-bold tracking-tight">{title}</h1>
        <p class="mt-4 text-lg text-slate-700">{message}</p>
        {requestId && status >= 500 && (
          <p class="mt-4 text-sm text-slate-600">
            If you contact us, mention reference{" "}
            <code class="rounded bg-slate-100 px-1.5 py-0.5">{requestId}</code>.
          </p>
        )}
        <p class="mt-8">
          <a href="/" class={buttonPrimary}>Back to all trips</a>
        </p>
      </section>
    </Layout>
  );
}
