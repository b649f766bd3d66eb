// Posting HTML forms to the app in-process, as a same-origin browser would.
import { app } from "../../main.ts";

/** POSTs url-encoded fields (repeat a name by passing an array). */
export async function postForm(
  path: string,
  fields: Record<string, string | number | (string | number)[]>,
  options: { token?: string } = {},
): Promise<Response> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of [value].flat()) body.append(name, String(item));
  }
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    origin: "http://localhost",
  };
  if (options.token) headers.cookie = `busbook_session=${options.token}`;
  return await app.request(path, { method: "POST", headers, body });
}

/** GETs a page, with the session cookie when a token is given. */
export async function getPage(
  path: string,
  token?: string,
): Promise<{ status: number; html: string; location: string | null }> {
  const res = await app.request(path, {
    headers: token ? { cookie: `busbook_session=${token}` } : {},
  });
  return {
    status: res.status,
    html: await res.text(),
    location: res.headers.get("location"),
  };
}
