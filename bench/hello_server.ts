// The yardstick of bench/pages.ts and bench/reads.ts (started by
// startHelloServer in bench/wrk.ts): the smallest Deno.serve there is, on
// 127.0.0.1:$PORT.
Deno.serve(
  {
    hostname: "127.0.0.1",
    port: Number(Deno.env.get("PORT") ?? 0),
    onListen() {},
  },
  () => new Response("Hello, world!\n"),
);
