// Calling the app in-process the way a client on the network would.
import { app } from "../../main.ts";
import { uniqueSuffix } from "./factories.ts";

/** The `env` Deno.serve hands to Hono, so getConnInfo sees this peer address. */
export function fromIp(ip: string) {
  return { remoteAddr: { hostname: ip, port: 40000, transport: "tcp" } };
}

/** A random private IPv4 address, so rate-limit buckets do not collide. */
export function randomIp(): string {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

/** A fresh email nobody has registered. */
export function uniqueEmail(): string {
  return `user-${uniqueSuffix()}${uniqueSuffix()}@example.test`;
}

/** POSTs a JSON body (application/json) to the app. */
export function postJson(
  path: string,
  body: unknown,
  options: { headers?: Record<string, string>; ip?: string } = {},
): Promise<Response> {
  return Promise.resolve(app.request(
    path,
    {
      method: "POST",
      headers: { "content-type": "application/json", ...options.headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    },
    options.ip ? fromIp(options.ip) : undefined,
  ));
}

/** The `name=value` part of the session cookie a response sets. */
export function sessionCookieFrom(res: Response): string {
  const header = res.headers.get("set-cookie") ?? "";
  const match = header.match(/busbook_session=[^;]*/);
  if (!match) throw new Error(`no session cookie in: ${header}`);
  return match[0];
}
