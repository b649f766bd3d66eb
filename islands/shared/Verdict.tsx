import {
  clockDayTime as formatDateTimeWithZone,
  clockTime as formatTime,
} from "./clock.ts";
import type { CheckInView } from "./board_types.ts";

export interface VerdictProps {
  result: CheckInView;
  /** The conductor's trip's origin zone: times are read on its clock. */
  timeZone: string;
}

/** The headline and advice for each outcome. */
function words(result: CheckInView, zone: string): [string, string] {
  const ref = result.reference ?? "This ticket";
  switch (result.outcome) {
    case "boarded":
      return ["Boarded: ", "Valid ticket for this trip. Welcome aboard."];
    case "already_boarded":
      return [
        `Already boarded at ${formatTime(result.boardedAt!, zone)}`,
        `${ref} was checked in before${
          result.boardedBy ? ` by ${result.boardedBy}` : ""
        }. Check the traveller's ID.`,
      ];
    case "wrong_trip":
      return [
        "Wrong trip",
        `${ref} is for another departure${
          result.ticketDepartsAt
            ? `: ${formatDateTimeWithZone(result.ticketDepartsAt, zone)}`
            : ""
        }. Do not board.`,
      ];
    case "cancelled":
      return ["Cancelled", `${ref} was cancelled. Do not board.`];
    case "not_confirmed":
      return ["Not confirmed", `${ref} was never confirmed. Do not board.`];
    case "forged":
      return [
        "Forged ticket",
        "This code was not issued by Busbook, or was altered. Do not board.",
      ];
    case "not_found":
      return ["No such booking", "Check the reference and type it again."];
  }
}

/**
 * What a check-in found, as a conductor needs it at a glance: a green
 * "Boarded" or a red reason not to board, with the travellers and seats.
 */
export default function Verdict({ result, timeZone }: VerdictProps) {
  const ok = result.outcome === "boarded";
  const [headline, advice] = words(result, timeZone);
  return (
    <div
      role={ok ? "status" : "alert"}
      data-outcome={result.outcome}
      class={`verdict ${ok ? "verdict-ok" : "verdict-stop"}`}
    >
      <p class="text-2xl font-bold">
        <span aria-hidden="true">{ok ? "✓ " : "✕ "}</span>
        {headline}
        {ok && <span class="whitespace-nowrap">{result.reference}</span>}
      </p>
      <p>{advice}</p>
      {result.travellers.length > 0 && (
        <ul class="mt-2 space-y-0.5">
          {result.travellers.map((t) => (
            <li key={t.seatNumber}>
              Seat <strong>{t.seatNumber}</strong>: {t.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
