import type { Database } from "@ketenportaal/db";
import type { BridgeLogger, BridgeTask } from "../bridge";
import type { EventPublisher } from "./kafka-publisher";
import { relayOutboxBatch } from "./relay-outbox";

export type RelayStatus = { kafka: "ok" | "unreachable"; unreachableSince: Date | null };

const MAX_BACKOFF_MS = 30_000;

/**
 * The relay as a bridge task: drains the outbox batch by batch. When Kafka is unreachable it keeps the rows,
 * backs off exponentially, logs once when the outage starts and once when it ends — never per row — and never
 * throws, so the bridge keeps running.
 */
export function createOutboxRelayTask(options: {
  publisher: EventPublisher;
  apiBaseUrl: string;
  logger: BridgeLogger;
  batchSize?: number;
  clock?: () => number;
  observeLatency?: (seconds: number) => void;
}): BridgeTask & { status: () => RelayStatus } {
  const clock = options.clock ?? Date.now;
  const batchSize = options.batchSize ?? 200;
  let failures = 0;
  let retryAt = 0;
  let unreachableSince: number | null = null;

  return {
    name: "outbox-relay",
    status: () => ({
      kafka: unreachableSince === null ? "ok" : "unreachable",
      unreachableSince: unreachableSince === null ? null : new Date(unreachableSince),
    }),
    run: async ({ db, signal }: { db: Database; signal: AbortSignal }) => {
      if (clock() < retryAt) return;
      try {
        let published = batchSize;
        while (published === batchSize && !signal.aborted) {
          ({ published } = await relayOutboxBatch({
            db,
            publisher: options.publisher,
            apiBaseUrl: options.apiBaseUrl,
            batchSize,
            ...(options.observeLatency ? { observeLatency: options.observeLatency } : {}),
          }));
        }
        if (unreachableSince !== null) {
          options.logger.info(
            { downSeconds: Math.round((clock() - unreachableSince) / 1000) },
            "Kafka reachable again; outbox drained",
          );
        }
        failures = 0;
        unreachableSince = null;
      } catch (error) {
        failures++;
        retryAt = clock() + Math.min(MAX_BACKOFF_MS, 250 * 2 ** failures);
        if (unreachableSince === null) {
          unreachableSince = clock();
          const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          options.logger.error({ reason }, "Kafka unreachable; events stay in the outbox until it is back");
        }
      }
    },
  };
}
