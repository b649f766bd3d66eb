export interface StatusBadgeProps {
  trip: { status: "SCHEDULED" | "CANCELLED"; departsAt: Date };
}

const pill = "inline-block rounded-full px-2.5 py-1 text-xs font-semibold";

/** Scheduled, departed or cancelled, in words and colour. */
export default function StatusBadge({ trip }: StatusBadgeProps) {
  if (trip.status === "CANCELLED") {
    return <span class={`${pill} bg-red-100 text-red-900`}>Cancelled</span>;
  }
  if (trip.departsAt.getTime() <= Date.now()) {
    return <span class={`${pill} bg-slate-200 text-slate-800`}>Departed</span>;
  }
  return <span class={`${pill} bg-brand-50 text-brand-900`}>Scheduled</span>;
}
