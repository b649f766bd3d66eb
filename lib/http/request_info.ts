// Who is calling and on which origin, honouring a reverse proxy only when
// TRUST_PROXY says one is in front (otherwise those headers are forgeable).
import type { Context } from "hono";
import { getConnInfo } from "hono/deno";
import { env } from "../env.ts";

/**
 * The client's IP address: the last X-Forwarded-For entry (the one our own
 * proxy appended) under TRUST_PROXY, else the socket peer. Null when unknown,
 * e.g. for in-process `app.request` calls.
 */
export function clientIp(c: Context): string | null {
  if (env.TRUST_PROXY) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")
      .map((part) => part.trim()).filter(Boolean);
    if (forwarded?.length) return forwarded[forwarded.length - 1];
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // No connection info: the request did not come through Deno.serve.
    return null;
  }
}

/**
 * The key rate limits use for an address: IPv6 addresses are cut to their
 * /64, because one subscriber usually controls a whole /64.
 */
export function ipRateLimitKey(ip: string): string {
  if (!ip.includes(":")) return ip;
  const mapped = ip.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (mapped) return mapped[1];
  const [head, tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = ip.includes("::") ? 8 - left.length - right.length : 0;
  const groups = [...left, ...Array(Math.max(0, zeros)).fill("0"), ...right];
  return `${
    groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")
  }::/64`;
}

/** The origin the browser sees (scheme://host[:port]), e.g. for the CSRF check. */
export function publicOrigin(c: Context): string {
  const url = new URL(c.req.url);
  if (!env.TRUST_PROXY) return url.origin;
  const proto = firstValue(c.req.header("x-forwarded-proto"));
  const scheme = proto === "http" || proto === "https"
    ? proto
    : url.protocol.slice(0, -1);
  // Built whole rather than by setting url.host: that setter keeps the
  // internal port when the forwarded host has none.
  const host = firstValue(c.req.header("x-forwarded-host")) ?? url.host;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return url.origin;
  }
}

/** True when the browser reached us over https (directly or via the proxy). */
export function isHttps(c: Context): boolean {
  return publicOrigin(c).startsWith("https:");
}

function firstValue(header: string | undefined): string | undefined {
  return header?.split(",")[0].trim() || undefined;
}
