/**
 * The HTTP load generator, run as its own process (`node --import tsx bench/load/http-load.ts <config.json>`) so it
 * does not share an event loop with what it measures. Prints one JSON line with autocannon's figures.
 */
import { readFile } from "node:fs/promises";
import autocannon from "autocannon";
import type { HttpLoadConfig, HttpLoadResult } from "./run-http-load";

const path = process.argv[2];
if (!path) throw new Error("usage: http-load.ts <config.json>");
const config = JSON.parse(await readFile(path, "utf8")) as HttpLoadConfig;

// Requests that each need their own body (one accept per offered handover): handed out in order across connections.
let next = 0;
const items = config.items;
const result = await autocannon({
  url: config.url,
  connections: config.connections,
  ...(config.amount ? { amount: config.amount } : { duration: config.durationSeconds ?? 10 }),
  ...(config.overallRate ? { overallRate: config.overallRate } : {}),
  timeout: 30,
  requests: [
    {
      method: config.method,
      path: config.path,
      headers: config.headers,
      ...(config.body ? { body: config.body } : {}),
      ...(items
        ? {
            setupRequest: (request: autocannon.Request) => {
              const item = items[next++ % items.length];
              return {
                ...request,
                ...(item?.body ? { body: item.body } : {}),
                headers: { ...request.headers, ...item?.headers },
              };
            },
          }
        : {}),
    },
  ],
});
const output: HttpLoadResult = {
  requests: result.requests.total,
  seconds: result.duration,
  requestsPerSecond: result.requests.total / result.duration,
  latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
};
process.stdout.write(`${JSON.stringify(output)}\n`);
