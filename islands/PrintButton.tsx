import { useEffect } from "preact/hooks";
import { useValue } from "./shared/store.ts";

export interface PrintButtonProps {
  label: string;
}

/**
 * Prints the page (the print stylesheet makes the ticket one clean page).
 * Shown only once hydrated: without JavaScript the browser's own Print
 * does the same.
 */
export default function PrintButton({ label }: PrintButtonProps) {
  const ready = useValue(false);
  useEffect(() => {
    ready.value = true;
  }, []);
  if (!ready.value) return null;
  return (
    <button
      type="button"
      onClick={() => globalThis.print()}
      class="rounded-xl border border-slate-300 bg-white px-5 py-3 font-semibold text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-900 print:hidden"
    >
      {label}
    </button>
  );
}
