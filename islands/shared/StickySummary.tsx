import { formatPrice, pluralSeats } from "../../lib/format.ts";

export interface StickySummaryProps {
  /** Seat numbers of the selection or the hold. */
  picked: number[];
  totalCents: number;
  actionLabel: string;
  disabled: boolean;
  onAction: () => void;
}

/**
 * On a phone the booking panel sits far below the seat map: this bar keeps
 * the seats, the total and the next step in view. Hidden from sm up, and
 * from assistive technology (the panel itself says all of it).
 */
export default function StickySummary(props: StickySummaryProps) {
  if (props.picked.length === 0) return null;
  return (
    <>
      <div class="h-20 sm:hidden" />
      <div
        aria-hidden="true"
        data-testid="sticky-summary"
        class="sticky-bar"
      >
        <div class="min-w-0">
          <p class="truncate text-sm text-slate-700">
            {pluralSeats(props.picked.length)}: {props.picked.join(", ")}
          </p>
          <p class="text-xl font-bold">
            {formatPrice(props.totalCents)}
          </p>
        </div>
        <button
          type="button"
          tabIndex={-1}
          disabled={props.disabled}
          onClick={props.onAction}
          class="btn btn-primary w-auto shrink-0"
        >
          {props.actionLabel}
        </button>
      </div>
    </>
  );
}
