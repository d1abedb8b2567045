import { createServer } from "node:net";

/**
 * Asks the OS for a TCP port nobody listens on. Another process could take it before you bind it: prefer listening on
 * port 0 yourself where you can, use this when the port must be handed to a child process.
 */
export async function findFreePort(options: { host?: string } = {}): Promise<number> {
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        server.close();
        reject(new Error(`findFreePort: unexpected address ${String(address)}`));
        return;
      }
      server.close((error) => (error ? reject(error) : resolve(address.port)));
    });
  });
}
