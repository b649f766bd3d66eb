// Small inline SVG icons (decorative: always next to text, so aria-hidden).
export interface IconProps {
  class?: string;
}

const base = {
  fill: "none",
  stroke: "currentColor",
  "stroke-width": 2,
  "stroke-linecap": "round",
  "stroke-linejoin": "round",
  viewBox: "0 0 24 24",
  "aria-hidden": "true",
  focusable: "false",
} as const;

export function BusIcon({ class: className = "size-6" }: IconProps) {
  return (
    <svg {...base} class={className}>
      <rect x="4" y="3" width="16" height="14" rx="3" />
      <path d="M4 11h16M8 21v-4M16 21v-4M8 7h8" />
      <circle cx="8" cy="14" r=".5" />
      <circle cx="16" cy="14" r=".5" />
    </svg>
  );
}

export function ArrowRightIcon({ class: className = "size-4" }: IconProps) {
  return (
    <svg {...base} class={className}>
      <path d="M5 12h14M13 6l6 6-6 6" />
    </svg>
  );
}

export function ClockIcon({ class: className = "size-4" }: IconProps) {
  return (
    <svg {...base} class={className}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </svg>
  );
}

export function SeatIcon({ class: className = "size-4" }: IconProps) {
  return (
    <svg {...base} class={className}>
      <path d="M6 4v9a2 2 0 0 0 2 2h8M6 19h12M9 15v4M15 15v4M6 9h10" />
    </svg>
  );
}

export function SearchIcon({ class: className = "size-4" }: IconProps) {
  return (
    <svg {...base} class={className}>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}

export function TicketIcon({ class: className = "size-4" }: IconProps) {
  return (
    <svg {...base} class={className}>
      <path d="M3 8a2 2 0 0 0 2-2h14a2 2 0 0 0 2 2v2a2 2 0 0 0 0 4v2a2 2 0 0 0-2 2H5a2 2 0 0 0-2-2v-2a2 2 0 0 0 0-4z" />
      <path d="M13 6v12" stroke-dasharray="2 2" />
    </svg>
  );
}
