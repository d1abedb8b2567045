import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export type BridgeHealth = { status: "ok" | "degraded" | "unavailable" } & Record<string, unknown>;

/**
 * The bridge's own small HTTP endpoint for the platform: `/metrics` (Prometheus) and `/healthz` (200 while the
 * database answers, "degraded" when Kafka is away; 503 when the database is gone). Nothing else is served.
 */
export async function startBridgeHttp(options: {
  host: string;
  port: number;
  registry: Registry;
  checkHealth: () => Promise<BridgeHealth>;
}): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/metrics") {
      options.registry.metrics().then(
        (text) => response.writeHead(200, { "Content-Type": options.registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
      return;
    }
    if (path === "/healthz") {
      options.checkHealth().then(
        (health) =>
          response
            .writeHead(health.status === "unavailable" ? 503 : 200, { "Content-Type": "application/json" })
            .end(JSON.stringify(health)),
        () => response.writeHead(503, { "Content-Type": "application/json" }).end('{"status":"unavailable"}'),
      );
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
