import { createDeadlineWatchTask } from "@ketenportaal/api";
import { type RunningBridge, startBridge } from "@ketenportaal/bridge";
import type { Database } from "@ketenportaal/db";
import type { Logger } from "./logger";

/**
 * The embedded default runs the bridge in the server process: PGlite serves one process only, so a separate
 * bridge could not reach it.
 */
export function startInProcessWorkers(options: { db: Database; logger: Logger; publicUrl: string }): RunningBridge {
  return startBridge({
    db: options.db,
    logger: options.logger.child({ component: "bridge" }),
    pollIntervalMs: 1000,
    tasks: [createDeadlineWatchTask({ config: { publicUrl: options.publicUrl } })],
  });
}
