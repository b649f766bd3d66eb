// A TCP proxy in front of a server that a test can turn into a black hole
// (connections stay open, nothing gets through — a hung network) and then
// heal (the held connections are dropped; new ones pass again). The server
// behind it keeps running with its data.

export interface TcpProxy {
  url(scheme: string): string;
  blackhole(): void;
  heal(): void;
  close(): Promise<void>;
}

/** Proxies 127.0.0.1:<free port> to 127.0.0.1:`targetPort`. */
export function startTcpProxy(targetPort: number): TcpProxy {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr;
  const open = new Set<Deno.Conn>();
  let holing = false;

  async function forward(from: Deno.Conn, to: Deno.Conn): Promise<void> {
    const buffer = new Uint8Array(64 * 1024);
    try {
      while (true) {
        const read = await from.read(buffer);
        if (read === null) break;
        // In a black hole the bytes vanish: the sender waits for a reply.
        if (holing) continue;
        let written = 0;
        while (written < read) {
          written += await to.write(buffer.subarray(written, read));
        }
      }
    } catch {
      // either side closed
    }
    for (const conn of [from, to]) {
      try {
        conn.close();
      } catch {
        // already closed
      }
      open.delete(conn);
    }
  }

  const accepting = (async () => {
    for await (const client of listener) {
      let server: Deno.Conn;
      try {
        server = await Deno.connect({
          hostname: "127.0.0.1",
          port: targetPort,
        });
      } catch {
        client.close();
        continue;
      }
      open.add(client);
      open.add(server);
      forward(client, server);
      forward(server, client);
    }
  })().catch(() => {});

  return {
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    blackhole: () => {
      holing = true;
    },
    heal: () => {
      holing = false;
      for (const conn of open) {
        try {
          conn.close();
        } catch {
          // already closed
        }
      }
      open.clear();
    },
    close: async () => {
      listener.close();
      for (const conn of open) {
        try {
          conn.close();
        } catch {
          // already closed
        }
      }
      await accepting;
    },
  };
}
