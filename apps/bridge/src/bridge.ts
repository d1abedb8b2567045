import type { Database } from "@ketenportaal/db";

/** The part of a pino logger the bridge uses, so the server can hand in its own. */
export type BridgeLogger = {
  info: (object: object, message?: string) => void;
  error: (object: object, message?: string) => void;
};

/** One unit of background work, run on every tick (the outbox relay and the mailer join here). */
export type BridgeTask = { name: string; run: (options: { db: Database; signal: AbortSignal }) => Promise<void> };

export type RunningBridge = {
  stop: () => Promise<void>;
  ticks: () => number;
  /** Runs the next tick now instead of after the poll interval (a NOTIFY said there is work). */
  wake: () => void;
};

/**
 * Runs the bridge's tasks in a loop until stopped. A stop waits for the tick in progress, so no task is cut off
 * halfway; a failing task is logged and retried on the next tick.
 */
export function startBridge(options: {
  db: Database;
  logger: BridgeLogger;
  pollIntervalMs: number;
  tasks?: BridgeTask[];
}): RunningBridge {
  const tasks = options.tasks ?? [];
  const controller = new AbortController();
  let ticks = 0;
  let sleeping: (() => void) | undefined;
  let wakeRequested = false;
  const wake = () => {
    if (sleeping) sleeping();
    else wakeRequested = true;
  };

  const loop = (async () => {
    options.logger.info({ tasks: tasks.map((task) => task.name) }, "bridge started");
    while (!controller.signal.aborted) {
      for (const task of tasks) {
        if (controller.signal.aborted) break;
        try {
          await task.run({ db: options.db, signal: controller.signal });
        } catch (error) {
          options.logger.error({ err: error, task: task.name }, "bridge task failed");
        }
      }
      ticks++;
      if (wakeRequested) {
        // Work was announced while this tick ran: go again at once.
        wakeRequested = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollIntervalMs);
        sleeping = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      sleeping = undefined;
    }
    options.logger.info({ ticks }, "bridge stopped");
  })();

  return {
    ticks: () => ticks,
    wake,
    stop: async () => {
      controller.abort();
      wake();
      await loop;
    },
  };
}
