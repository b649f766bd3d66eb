// A TCP proxy in front of a server that a test (or the chaos harness) can
// turn into a black hole (connections stay open, nothing gets through — a
// hung network) and then heal (the held connections are dropped; new ones
// pass again), slow down (added latency per chunk), cut (every open
// connection dropped at once), make refuse new connections, or lose the
// reply to a request the server has already carried out. The server behind
// it keeps running with its data.

export interface TcpProxy {
  port: number;
  url(scheme: string): string;
  blackhole(): void;
  heal(): void;
  /** Delays every chunk, both ways, by `ms` (0: none). */
  delay(ms: number): void;
  /** Drops every open connection now; later ones pass as before. */
  dropAll(): number;
  /** While true, new connections are closed as soon as they are accepted. */
  refuse(refusing: boolean): void;
  /**
   * The next server→client chunk containing `marker` (e.g. "COMMIT\0", the
   * tag PostgreSQL answers a commit with) is thrown away and its connection
   * dropped: the server did the work, the client never hears of it.
   * Resolves when that happened.
   */
  loseNextReply(marker: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Proxies 127.0.0.1:<port> (free unless given) to 127.0.0.1:`targetPort`.
 */
export function startTcpProxy(
  targetPort: number,
  options: { port?: number } = {},
): TcpProxy {
  const listener = Deno.listen({
    hostname: "127.0.0.1",
    port: options.port ?? 0,
  });
  const { port } = listener.addr;
  const open = new Set<Deno.Conn>();
  let holing = false;
  let latencyMs = 0;
  let refusing = false;

  const closeQuietly = (conn: Deno.Conn) => {
    try {
      conn.close();
    } catch {
      // already closed
    }
    open.delete(conn);
  };

  let losing: { marker: string; done: () => void } | undefined;
  const decoder = new TextDecoder("latin1");

  async function forward(
    from: Deno.Conn,
    to: Deno.Conn,
    fromServer: boolean,
  ): Promise<void> {
    const buffer = new Uint8Array(64 * 1024);
    try {
      while (true) {
        const read = await from.read(buffer);
        if (read === null) break;
        // In a black hole the bytes vanish: the sender waits for a reply.
        if (holing) continue;
        const chunk = buffer.slice(0, read);
        if (
          fromServer && losing && decoder.decode(chunk).includes(losing.marker)
        ) {
          const lost = losing;
          losing = undefined;
          lost.done();
          break;
        }
        if (latencyMs > 0) {
          await new Promise((resolve) => setTimeout(resolve, latencyMs));
        }
        let written = 0;
        while (written < chunk.length) {
          written += await to.write(chunk.subarray(written));
        }
      }
    } catch {
      // either side closed
    }
    closeQuietly(from);
    closeQuietly(to);
  }

  const accepting = (async () => {
    for await (const client of listener) {
      if (refusing) {
        client.close();
        continue;
      }
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
      forward(client, server, false);
      forward(server, client, true);
    }
  })().catch(() => {});

  const dropAll = () => {
    const dropped = open.size / 2;
    for (const conn of [...open]) closeQuietly(conn);
    return dropped;
  };

  return {
    port,
    url: (scheme) => `${scheme}://127.0.0.1:${port}`,
    blackhole: () => {
      holing = true;
    },
    heal: () => {
      holing = false;
      dropAll();
    },
    delay: (ms) => {
      latencyMs = ms;
    },
    dropAll,
    refuse: (value) => {
      refusing = value;
    },
    loseNextReply: (marker) =>
      new Promise<void>((resolve) => {
        losing = { marker, done: resolve };
      }),
    close: async () => {
      listener.close();
      dropAll();
      await accepting;
    },
  };
}
