// Response headers that make the browser enforce our assumptions: only our
// own scripts, styles and images, no framing, no MIME sniffing.
import type { MiddlewareHandler } from "hono";

const SELF = "'self'";

/**
 * The Content-Security-Policy. No inline scripts: island props travel in
 * `<script type="application/json">`, which is data and never executed, so
 * CSP does not need to allow it.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: [SELF],
  scriptSrc: [SELF],
  styleSrc: [SELF],
  imgSrc: [SELF],
  fontSrc: [SELF],
  connectSrc: [SELF],
  objectSrc: ["'none'"],
  baseUri: [SELF],
  formAction: [SELF],
  frameAncestors: ["'none'"],
};

// `defaultSrc` → `default-src`.
const kebab = (name: string) =>
  name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

const cspValue = (policy: Record<string, string[]>) =>
  Object.entries(policy)
    .map(([directive, sources]) => `${kebab(directive)} ${sources.join(" ")}`)
    .join("; ");

/**
 * What every response carries, whatever it is: no reading it from another
 * origin's page, HTTPS only, no MIME sniffing, no framing.
 */
const EVERY_RESPONSE: readonly (readonly [string, string])[] = [
  ["Cross-Origin-Resource-Policy", "same-origin"],
  ["Strict-Transport-Security", "max-age=15552000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
];

/**
 * The security headers of an HTML page, computed once: what
 * hono/secure-headers sends with the options we used to pass it
 * (tests/security_headers_test.ts holds the two equal), less the two it
 * still sends for browsers that are gone — X-XSS-Protection (the filter it
 * switches off left every browser by 2019) and X-Download-Options
 * (Internet Explorer 8). Building the CSP string and walking the options on
 * each request showed up in profiles.
 */
export const DOCUMENT_SECURITY_HEADERS: readonly (readonly [string, string])[] =
  [
    ...EVERY_RESPONSE,
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Origin-Agent-Cluster", "?1"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-DNS-Prefetch-Control", "off"],
    ["X-Permitted-Cross-Domain-Policies", "none"],
    ["Content-Security-Policy", cspValue(CONTENT_SECURITY_POLICY)],
  ];

/**
 * The security headers of everything that is not a page (JSON, the live
 * stream, scripts, styles): OWASP's REST Security Cheat Sheet set. The
 * page-only headers (opener, agent cluster, referrer, DNS prefetch, the
 * page's CSP) govern what a document does and are noise here; a JSON
 * answer opened in a tab still may load nothing and be framed by no one.
 * Each header costs about a microsecond to send (bench:floor), and the
 * cached trip JSON is the hottest answer there is.
 */
export const RESOURCE_SECURITY_HEADERS: readonly (readonly [string, string])[] =
  [
    ...EVERY_RESPONSE,
    [
      "Content-Security-Policy",
      cspValue({ defaultSrc: ["'none'"], frameAncestors: ["'none'"] }),
    ],
  ];

/**
 * Whether a response is a document: an HTML page, or an SVG (a document of
 * its own, which keeps the page set it always had).
 */
function isDocument(headers: Headers): boolean {
  const type = headers.get("Content-Type") ?? "";
  return type.startsWith("text/html") || type.startsWith("image/svg+xml");
}

/**
 * Middleware adding the security headers to every response, errors
 * included: the page set to HTML, the resource set to everything else.
 * They replace any a handler set, and X-Powered-By is dropped.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  const set = isDocument(headers)
    ? DOCUMENT_SECURITY_HEADERS
    : RESOURCE_SECURITY_HEADERS;
  for (const [name, value] of set) headers.set(name, value);
  headers.delete("X-Powered-By");
};
