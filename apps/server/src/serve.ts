import type { RequestListener, Server } from "node:http";
import { createServer } from "node:http";
import type { RunningBridge } from "@ketenportaal/bridge";
import type { DatabaseHandle } from "@ketenportaal/db";
import type { Logger } from "./logger";

/** Listens, and on SIGTERM/SIGINT stops taking requests, finishes the workers and closes the database. */
export async function serve(options: {
  listener: RequestListener;
  host: string;
  port: number;
  logger: Logger;
  database: DatabaseHandle;
  workers?: RunningBridge;
  onClose?: () => Promise<void>;
}): Promise<Server> {
  const server = createServer(options.listener);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  options.logger.info({ host: options.host, port }, `Ketenportaal listening on http://localhost:${port}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      options.logger.warn("connections still open after 10 s; closing them");
      server.closeAllConnections();
    }, 10_000);
    force.unref();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await options.workers?.stop();
    await options.onClose?.();
    await options.database.close();
    options.logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  return server;
}
