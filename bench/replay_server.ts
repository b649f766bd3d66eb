// A bare Deno.serve that answers every request with one recorded response:
// the body in $REPLAY_BODY (a file) and, when $REPLAY_HEADERS names a JSON
// file of [name, value] pairs, those headers (else only a content-type).
// bench/http_floor.ts uses it to price Deno's HTTP layer for the app's own
// answer, without the app.
// Bytes, as the app sends its memoized (gzipped) bodies.
const body = Deno.readFileSync(Deno.env.get("REPLAY_BODY")!);
const headersFile = Deno.env.get("REPLAY_HEADERS");
const headers: [string, string][] = headersFile
  ? JSON.parse(Deno.readTextFileSync(headersFile))
  : [["content-type", "application/json; charset=UTF-8"]];

Deno.serve(
  {
    hostname: "127.0.0.1",
    port: Number(Deno.env.get("PORT") ?? 0),
    onListen() {},
  },
  () => new Response(body, { headers }),
);
