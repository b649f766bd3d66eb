import type { ComponentChildren } from "preact";

export interface AuthCardProps {
  title: string;
  intro: string;
  children: ComponentChildren;
}

/** The centred card the sign-in and sign-up forms sit in. */
export default function AuthCard({ title, intro, children }: AuthCardProps) {
  return (
    <section class="mx-auto max-w-md rounded-3xl border border-slate-200 bg-white p-6 shadow-md sm:p-8">
      <h1 class="text-2xl font-bold tracking-tight">{title}</h1>
      <p class="mt-1 text-slate-600">{intro}</p>
      <div class="mt-6">{children}</div>
    </section>
  );
}
