// Shared Tailwind class strings, so buttons, fields and cards look the same
// on every page (admin pages included). Islands keep their own copies: they
// may not import from components/.

const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

export const buttonPrimary =
  `inline-flex items-center justify-center gap-2 rounded-xl bg-brand-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-800 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600 ${focusRing}`;

export const buttonSecondary =
  `inline-flex items-center justify-center gap-2 rounded-xl border border-slate-300 bg-white px-5 py-2.5 font-semibold text-slate-800 shadow-sm hover:bg-slate-50 ${focusRing}`;

export const buttonDanger =
  `inline-flex items-center justify-center gap-2 rounded-xl border border-red-300 bg-white px-5 py-2.5 font-semibold text-red-800 shadow-sm hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700`;

export const buttonDangerSolid =
  `inline-flex items-center justify-center gap-2 rounded-xl bg-red-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700`;

export const textLink =
  `font-medium text-brand-800 underline decoration-brand-200 decoration-2 underline-offset-2 hover:decoration-brand-700 ${focusRing} rounded-sm`;

export const card = "rounded-2xl border border-slate-200 bg-white shadow-sm";

export const input =
  "block w-full rounded-xl border border-slate-300 bg-white px-3 py-2.5 text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-700 focus:outline-2 focus:outline-brand-700 aria-invalid:border-red-700";
