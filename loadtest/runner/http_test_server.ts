// A local HTTP server for http_test.ts, run in a Worker: the synchronous
// k6/http calls block the test's own thread, so the server cannot live
// there. Paths: /status/N answers N, /slow waits 500 ms, anything else
// echoes the request as JSON.
const server = Deno.serve(
  { hostname: "127.0.0.1", port: 0, onListen() {} },
  async (req) => {
    const url = new URL(req.url);
    const status = url.pathname.match(/^\/status\/(\d+)$/)?.[1];
    if (status) return new Response("{}", { status: Number(status) });
    if (url.pathname === "/slow") {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return Response.json({
      method: req.method,
      contentType: req.headers.get("content-type"),
      body: await req.text(),
    }, { headers: { "x-custom-header": "yes" } });
  },
);
(globalThis as unknown as { postMessage(port: number): void }).postMessage(
  server.addr.port,
);
