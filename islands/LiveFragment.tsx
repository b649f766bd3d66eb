import { useEffect } from "preact/hooks";
import { useValue } from "./shared/store.ts";

export interface LiveFragmentProps {
  /** The element whose content this island keeps current. */
  targetId: string;
  /** Where its fresh HTML comes from. */
  fragmentUrl: string;
  /** A stream whose every `seats` event means "something changed". */
  eventsUrl: string;
}

/**
 * Keeps a server-rendered part of the page live: on every event of the
 * trip's seat stream (a booking, a cancel, a check-in on any device) it
 * fetches the part's HTML again and swaps it in. The part stays
 * server-rendered, so this island ships no rendering code of its own.
 */
export default function LiveFragment(props: LiveFragmentProps) {
  const live = useValue(false);
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let loading = false;
    let again = false;
    const reload = async () => {
      if (loading) return void (again = true);
      loading = true;
      try {
        const response = await fetch(props.fragmentUrl);
        const target = document.getElementById(props.targetId);
        if (response.ok && target) target.innerHTML = await response.text();
      } finally {
        loading = false;
        if (again) {
          again = false;
          reload();
        }
      }
    };
    const events = new EventSource(props.eventsUrl);
    events.addEventListener("seats", reload);
    live.value = true;
    return () => events.close();
  }, []);
  if (!live.value) return null;
  return (
    <p class="text-sm text-slate-600" data-testid="live">
      <span aria-hidden="true" class="text-emerald-700">●</span>{" "}
      Live: changes show here as they happen
    </p>
  );
}
