import { useEffect, useRef } from "preact/hooks";
import { useValue } from "./shared/store.ts";
import Verdict from "./shared/Verdict.tsx";
import type { CheckInView } from "./shared/board_types.ts";

export interface TicketScannerProps {
  tripId: number;
  timeZone: string;
  /** Where the form posts without JavaScript. */
  formAction: string;
  /** The last check-in (after the no-JavaScript form's redirect). */
  result?: CheckInView | null;
}

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

/**
 * The conductor's scanner (the verdict above the camera's picture, so it
 * shows at once on a phone): type a booking reference (always works, also
 * without JavaScript), or scan the ticket's QR code with the camera where
 * the browser has a BarcodeDetector. Each scan is checked in at once.
 */
export default function TicketScanner(props: TicketScannerProps) {
  const result = useValue(props.result ?? null);
  const busy = useValue(false);
  const problem = useValue("");
  const camera = useValue<"off" | "on" | "none">("none");
  const text = useRef<HTMLInputElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);

  const check = async (ticket: string) => {
    busy.value = true;
    problem.value = "";
    try {
      const response = await fetch("/api/checkin", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tripId: props.tripId, ticket }),
      });
      const body = await response.json();
      if (response.ok) result.value = body.result;
      else problem.value = body.error?.message ?? "Check-in failed: try again.";
    } catch {
      problem.value = "No connection: try again.";
    } finally {
      busy.value = false;
    }
  };

  useEffect(() => {
    if ("BarcodeDetector" in globalThis && navigator.mediaDevices) {
      camera.value = "off";
    }
    return () => stream.current?.getTracks().forEach((t) => t.stop());
  }, []);

  const startCamera = async () => {
    // deno-lint-ignore no-explicit-any
    const detector: Detector = new (globalThis as any).BarcodeDetector({
      formats: ["qr_code"],
    });
    stream.current = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: "environment" },
    });
    camera.value = "on";
    const el = video.current!;
    el.srcObject = stream.current;
    await el.play();
    let last = "";
    let lastAt = 0;
    while (stream.current?.active) {
      const [code] = await detector.detect(el).catch(() => []);
      const now = Date.now();
      // The same code held in view is one scan, not one per frame.
      if (code && (code.rawValue !== last || now - lastAt > 4000)) {
        last = code.rawValue;
        lastAt = now;
        await check(code.rawValue);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  const stopCamera = () => {
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
    camera.value = "off";
  };

  return (
    <div class="space-y-4">
      <form
        method="post"
        action={props.formAction}
        class="flex flex-wrap items-end gap-3"
        onSubmit={async (event) => {
          event.preventDefault();
          const value = text.current!.value.trim();
          if (!value) return;
          await check(value);
          text.current!.value = "";
          text.current!.focus();
        }}
      >
        <div class="min-w-56 flex-1 space-y-1.5">
          <label for="ticket" class="block text-sm font-semibold">
            Booking reference or ticket code
          </label>
          <p id="ticket-hint" class="text-sm text-slate-600">
            {camera.value === "none"
              ? "Type the reference printed on the ticket (BB-…)."
              : "Type the reference, or scan the ticket's QR code."}
          </p>
          <input
            ref={text}
            id="ticket"
            name="ticket"
            required
            autocomplete="off"
            placeholder="BB-000123"
            aria-describedby="ticket-hint"
            class="field-input"
          />
        </div>
        <button
          type="submit"
          class="btn btn-primary w-auto"
          disabled={busy.value}
        >
          Check in
        </button>
        {camera.value !== "none" && (
          <button
            type="button"
            class="btn btn-secondary w-auto"
            onClick={camera.value === "on" ? stopCamera : startCamera}
          >
            {camera.value === "on" ? "Stop camera" : "Scan with camera"}
          </button>
        )}
      </form>

      {problem.value && (
        <p role="alert" class="note note-error">{problem.value}</p>
      )}
      {result.value && (
        <Verdict result={result.value} timeZone={props.timeZone} />
      )}
      <video
        ref={video}
        muted
        playsInline
        hidden={camera.value !== "on"}
        class="max-h-64 w-full max-w-sm rounded-xl bg-black object-cover"
      />
    </div>
  );
}
