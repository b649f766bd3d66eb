// The yardstick for scripts/bench_pages.ts: the smallest Deno.serve there
// is, on 127.0.0.1 and a port the OS picks (printed as the first line).
Deno.serve(
  {
    hostname: "127.0.0.1",
    port: Number(Deno.env.get("PORT") ?? 0),
    onListen: ({ port }) => console.log(port),
  },
  () => new Response("Hello, world!\n"),
);
