import type { Database } from "@ketenportaal/db";
import { describe, expect, it } from "vitest";
import { type BridgeTask, startBridge } from "./bridge";

const db = {} as Database;
const quietLogger = { info: () => {}, error: () => {} };

describe("startBridge", () => {
  it("runs its tasks on every tick and stops cleanly after the tick in progress", async () => {
    let runs = 0;
    let running = false;
    const task: BridgeTask = {
      name: "count",
      run: async () => {
        running = true;
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        running = false;
      },
    };
    const bridge = startBridge({ db, logger: quietLogger, pollIntervalMs: 5, tasks: [task] });
    // Polled, not slept: a loaded CI machine may need longer than two ticks' worth of wall time.
    await expect.poll(() => runs, { timeout: 5_000, interval: 5 }).toBeGreaterThanOrEqual(2);
    await bridge.stop();
    expect(running).toBe(false);
    expect(runs).toBeGreaterThanOrEqual(2);
    const after = runs;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toBe(after);
  });

  it("keeps going when a task fails, and logs the failure", async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const bridge = startBridge({
      db,
      logger: { info: () => {}, error: (object) => errors.push(object) },
      pollIntervalMs: 5,
      tasks: [
        {
          name: "flaky",
          run: async () => {
            calls++;
            if (calls === 1) throw new Error("broker gone");
          },
        },
      ],
    });
    await expect.poll(() => calls, { timeout: 5_000, interval: 5 }).toBeGreaterThan(1);
    await bridge.stop();
    expect(errors).toHaveLength(1);
  });

  it("stops at once when idle, without waiting for the poll interval", async () => {
    const bridge = startBridge({ db, logger: quietLogger, pollIntervalMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await bridge.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(bridge.ticks()).toBe(1);
  });
});

describe("waking the bridge", () => {
  it("runs the next tick at once when woken while asleep or while busy", async () => {
    let runs = 0;
    const bridge = startBridge({
      db,
      logger: quietLogger,
      pollIntervalMs: 60_000,
      tasks: [
        {
          name: "count",
          run: async () => {
            runs++;
            await new Promise((resolve) => setTimeout(resolve, 20));
          },
        },
      ],
    });
    bridge.wake(); // during the first tick
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(runs).toBe(2);
    bridge.wake(); // while asleep
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(runs).toBe(3);
    await bridge.stop();
  });
});
