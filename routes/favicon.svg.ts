// GET /favicon.svg: the site's icon, the header's bus on the brand colour,
// so a tab or a bookmark shows Busbook (and browsers stop asking for a
// /favicon.ico that is not there: every page names this file instead).
import type { Handlers } from "../lib/http/router.ts";

// The BusIcon of components/Icons.tsx, white on brand-700 (#00786f).
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="7" fill="#00786f"/>
<g transform="translate(4 4)" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
<rect x="4" y="3" width="16" height="14" rx="3"/>
<path d="M4 11h16M8 21v-4M16 21v-4M8 7h8"/>
</g>
</svg>
`;

export const handler: Handlers = {
  GET(c) {
    return c.body(ICON, 200, {
      "content-type": "image/svg+xml",
      // A day: the icon changes with a redesign, not with a release.
      "cache-control": "public, max-age=86400",
    });
  },
};
