import { useEffect } from "preact/hooks";
import {
  currentHold,
  seats,
  selectedSeatIds,
  travellerNames,
} from "./seat_state.ts";

export interface TravellerNamesProps {
  /** The account holder, pre-filled as the first seat's traveller. */
  accountName?: string;
}

/** A name field for each selected seat; the names go with the hold. */
export default function TravellerNames({ accountName }: TravellerNamesProps) {
  const selected = selectedSeatIds.value;
  useEffect(() => {
    const first = selected[0];
    if (
      first !== undefined && accountName &&
      !Object.values(travellerNames.value).some(Boolean)
    ) {
      travellerNames.value = { ...travellerNames.value, [first]: accountName };
    }
  }, [selected.join(",")]);

  if (currentHold.value || selected.length === 0) return null;
  const ordered = [...selected].sort((a, b) =>
    (seats.value[a]?.seatNumber ?? 0) - (seats.value[b]?.seatNumber ?? 0)
  );
  return (
    <fieldset class="mt-4 space-y-3">
      <legend class="text-sm font-semibold text-slate-900">
        Who is travelling?
      </legend>
      {ordered.map((id) => (
        <label key={id} class="block text-sm text-slate-700">
          Traveller on seat {seats.value[id]?.seatNumber}
          <input
            id={`traveller-${id}`}
            type="text"
            autocomplete={id === ordered[0] ? "name" : "off"}
            maxLength={80}
            required
            value={travellerNames.value[id] ?? ""}
            onInput={(event) => {
              const { value } = event.target as HTMLInputElement;
              travellerNames.value = { ...travellerNames.value, [id]: value };
            }}
            class="field-input"
          />
        </label>
      ))}
    </fieldset>
  );
}
