// Serving /metrics: on the public port only behind METRICS_TOKEN (a Bearer
// token), and on a port of its own (METRICS_PORT) meant for the scraper's
// network alone. Without either, no one can read the metrics.
import { renderMetrics } from "./registry.ts";
import { registerCollectors } from "./collectors.ts";

/** Compares two strings in time independent of where they differ. */
function sameSecret(given: string, expected: string): boolean {
  const a = new TextEncoder().encode(given);
  const b = new TextEncoder().encode(expected);
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a[i] ?? 0) ^ b[i];
  return diff === 0;
}

/**
 * Whether a request may read the metrics: always without a token
 * configured (the metrics port), else only with `Authorization: Bearer
 * <token>`.
 */
export function metricsAllowed(
  authorization: string | undefined,
  token: string | undefined,
): boolean {
  if (token === undefined) return true;
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? "");
  return match !== null && sameSecret(match[1].trim(), token);
}

/** The metrics as a Prometheus text-format response. */
export async function metricsResponse(): Promise<Response> {
  registerCollectors();
  const { body, type } = await renderMetrics();
  return new Response(body, {
    headers: { "content-type": type, "cache-control": "no-store" },
  });
}

/**
 * Serves GET /metrics (and nothing else) on `hostname:port`, for a
 * Prometheus that scrapes the instance directly.
 * @returns the server, to shut down with the app.
 */
export function serveMetrics(options: {
  hostname: string;
  port: number;
  token?: string;
  onListen?: (address: { hostname: string; port: number }) => void;
}): Deno.HttpServer {
  return Deno.serve({
    hostname: options.hostname,
    port: options.port,
    onListen: options.onListen ?? (() => {}),
  }, (request) => {
    const url = new URL(request.url);
    if (url.pathname !== "/metrics" || request.method !== "GET") {
      return new Response("Not found\n", { status: 404 });
    }
    if (
      !metricsAllowed(
        request.headers.get("authorization") ?? undefined,
        options.token,
      )
    ) {
      return new Response("Unauthorized\n", {
        status: 401,
        headers: { "www-authenticate": "Bearer" },
      });
    }
    return metricsResponse();
  });
}
