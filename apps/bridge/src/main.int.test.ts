import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join } from "node:path";
import { outbox } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const tsx = createRequire(import.meta.url).resolve("tsx");
const main = join(import.meta.dirname, "main.ts");
let test: TestDatabase;

beforeAll(async () => {
  // Unmigrated: the bridge brings the schema up to date itself.
  test = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await test?.drop();
});

function waitForOutput(child: ChildProcess, text: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve(output);
      }
    });
  });
}

/** A port nothing listens on: taken from the OS and released again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

function startBridgeProcess(env: Record<string, string>) {
  return spawn(process.execPath, ["--import", tsx, main], {
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH,
      DATABASE_URL: test.url,
      BRIDGE_POLL_INTERVAL_MS: "100",
      BRIDGE_HTTP_HOST: "127.0.0.1",
      BRIDGE_HTTP_PORT: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function stopBridgeProcess(child: ChildProcess) {
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stopped = waitForOutput(child, "bridge stopped", 10_000);
  child.kill("SIGTERM");
  await stopped;
  expect(await exited).toBe(0);
}

function httpPortOf(output: string): number {
  const match = /"port":(\d+)[^\n]*metrics and health/.exec(output);
  if (!match?.[1]) throw new Error(`no metrics port in:\n${output}`);
  return Number(match[1]);
}

describe("the bridge process", () => {
  it("migrates the database, serves health and metrics, and stops cleanly on SIGTERM", async () => {
    const child = startBridgeProcess({});
    try {
      const port = httpPortOf(await waitForOutput(child, "bridge started", 30_000));
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok" });
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/^outbox_backlog_events 0$/m);
      expect(metrics).toMatch(/^mail_backlog_messages\{state="failed"\} 0$/m);
      expect(metrics).toContain("process_resident_memory_bytes");
      expect((await fetch(`http://127.0.0.1:${port}/anything`)).status).toBe(404);
    } finally {
      await stopBridgeProcess(child);
    }
  });

  it("stays up and reports itself degraded, not down, while Kafka cannot be reached", async () => {
    await test.db.insert(outbox).values({
      aggregateType: "handover",
      aggregateId: crypto.randomUUID(),
      eventType: "nl.ketenportaal.handover.offered.v1",
      sequence: 1,
      source: "urn:nld:oin:00000009999999990001:systeem:ketenportaal",
      topic: "ketenportaal.handovers.local-teams",
      payload: {},
    });
    const child = startBridgeProcess({ KAFKA_BROKERS: `127.0.0.1:${await closedPort()}` });
    try {
      const port = httpPortOf(await waitForOutput(child, "bridge started", 30_000));
      await waitForOutput(child, "Kafka unreachable", 30_000);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "degraded", kafka: "unreachable" });
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/^outbox_backlog_events 1$/m);
      expect(metrics).toContain("outbox_publish_latency_seconds_count 0");
    } finally {
      await stopBridgeProcess(child);
    }
  });

  it("refuses to start without DATABASE_URL and names it", () => {
    const result = spawnSync(process.execPath, ["--import", tsx, main], {
      env: { NODE_ENV: "production", PATH: process.env.PATH },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL");
  });
});
