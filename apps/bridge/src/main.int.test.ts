import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const tsx = createRequire(import.meta.url).resolve("tsx");
const main = join(import.meta.dirname, "main.ts");
let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
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

describe("the bridge process", () => {
  it("starts against PostgreSQL and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", tsx, main], {
      env: { NODE_ENV: "production", PATH: process.env.PATH, DATABASE_URL: test.url, BRIDGE_POLL_INTERVAL_MS: "100" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await waitForOutput(child, "bridge started", 30_000);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const stopped = waitForOutput(child, "bridge stopped", 10_000);
    child.kill("SIGTERM");
    await stopped;
    expect(await exited).toBe(0);
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
