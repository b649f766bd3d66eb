import type { ComponentChildren } from "preact";

export interface NoticeProps {
  tone: "info" | "success" | "warning" | "error";
  title?: string;
  children: ComponentChildren;
}

const tones = {
  info: ["border-sky-300 bg-sky-50 text-sky-950", "ℹ"],
  success: ["border-emerald-300 bg-emerald-50 text-emerald-950", "✓"],
  warning: ["border-amber-300 bg-amber-50 text-amber-950", "!"],
  error: ["border-red-300 bg-red-50 text-red-950", "✕"],
} as const;

/** A message box; errors are announced (role="alert"), others politely. */
export default function Notice({ tone, title, children }: NoticeProps) {
  const [classes, symbol] = tones[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      class={`flex gap-3 rounded-xl border px-4 py-3 ${classes}`}
    >
      <span aria-hidden="true" class="font-bold">{symbol}</span>
      <div class="space-y-1">
        {title && <p class="font-semibold">{title}</p>}
        <div>{children}</div>
      </div>
    </div>
  );
}
