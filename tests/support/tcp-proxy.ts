import { connect, createServer, type Server, type Socket } from "node:net";

export type TcpProxyHandle = {
  /** The port the proxy listens on now (127.0.0.1); `restore` may have to pick another one. */
  port: () => number;
  /** Connections accepted so far. */
  accepted: () => number;
  /** Drops every open connection and stops listening: new connections are refused. */
  cut: () => Promise<void>;
  /** Listens again (on the same port when it is still free) and forwards as before. */
  restore: () => Promise<void>;
  /** Cuts for good. Idempotent. */
  close: () => Promise<void>;
};

/** A TCP proxy on 127.0.0.1 that forwards every connection to `target`, and can cut them all off on request. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxyHandle> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  let accepted = 0;

  const forward = (client: Socket) => {
    accepted++;
    const upstream = connect({ host: target.host, port: target.port });
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", drop);
      socket.on("close", drop);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const listen = (wanted: number) =>
    new Promise<number>((resolve, reject) => {
      const candidate = createServer(forward);
      candidate.once("error", reject);
      candidate.listen(wanted, "127.0.0.1", () => {
        candidate.off("error", reject);
        server = candidate;
        const address = candidate.address();
        resolve(typeof address === "object" && address ? address.port : 0);
      });
    });

  const cut = async () => {
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };

  port = await listen(0);
  return {
    port: () => port,
    accepted: () => accepted,
    cut,
    restore: async () => {
      if (server) return;
      port = await listen(port).catch(() => listen(0));
    },
    close: cut,
  };
}
