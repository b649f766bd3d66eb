import type { BookingStatus } from "../lib/bookings/mod.ts";

const looks: Record<BookingStatus, [string, string, string]> = {
  CONFIRMED: [
    "✓",
    "Confirmed",
    "bg-emerald-100 text-emerald-900 ring-emerald-300",
  ],
  PENDING: ["◷", "Held", "bg-amber-100 text-amber-950 ring-amber-300"],
  CANCELLED: ["✕", "Cancelled", "bg-slate-200 text-slate-800 ring-slate-300"],
  EXPIRED: ["⌛", "Expired", "bg-slate-200 text-slate-800 ring-slate-300"],
  FAILED: ["!", "Failed", "bg-red-100 text-red-900 ring-red-300"],
};

/** A booking's status as a symbol plus a word (never colour alone). */
export default function BookingStatusBadge(
  { status }: { status: BookingStatus },
) {
  const [symbol, word, classes] = looks[status];
  return (
    <span
      class={`inline-flex items-center gap-1 rounded-full px-2.5 py-1 text-sm font-semibold ring-1 ring-inset ${classes}`}
    >
      <span aria-hidden="true">{symbol}</span>
      {word}
    </span>
  );
}
