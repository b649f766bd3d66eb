// Response headers that make the browser enforce our assumptions: only our
// own scripts, styles and images, no framing, no MIME sniffing.
import { secureHeaders } from "hono/secure-headers";

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

/** Middleware adding the security headers to every response, errors included. */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  referrerPolicy: "strict-origin-when-cross-origin",
  xFrameOptions: "DENY",
  xContentTypeOptions: "nosniff",
});
