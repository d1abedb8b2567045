import { setTimeout } from "node:timers/promises";
import type { Database } from "@ketenportaal/db";
import type { BridgeLogger, BridgeTask } from "../bridge";
import { type EventPublisher, PublishError } from "./kafka-publisher";
import { relayOutboxBatch } from "./relay-outbox";

export type RelayStatus = { kafka: "ok" | "unreachable"; unreachableSince: Date | null };

const MAX_BACKOFF_MS = 30_000;
const HELD_ELSEWHERE_WAIT_MS = 20;

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
  /** Claim loops running at once (default 2: one claims while the other's batch is with the broker). */
  concurrency?: number;
  clock?: () => number;
  observeLatency?: (seconds: number) => void;
}): BridgeTask & { status: () => RelayStatus } {
  const clock = options.clock ?? Date.now;
  const batchSize = options.batchSize ?? 200;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  let failures = 0;
  let retryAt = 0;
  let unreachableSince: number | null = null;
  let failingSince: number | null = null;

  return {
    name: "outbox-relay",
    status: () => ({
      kafka: unreachableSince === null ? "ok" : "unreachable",
      unreachableSince: unreachableSince === null ? null : new Date(unreachableSince),
    }),
    run: async ({ db, signal }: { db: Database; signal: AbortSignal }) => {
      if (clock() < retryAt) return;
      try {
        try {
          await options.publisher.connect?.();
        } catch (error) {
          throw new PublishError(error);
        }
        // Several claim loops at once: while one batch waits for the broker's acknowledgement, the next is claimed
        // and built. relayOutboxBatch keeps them apart (row locks and a lock per aggregate), so one handover's events
        // still reach Kafka in order; the producer keeps one request in flight, so sends queue, claims overlap.
        // A loop whose candidates all belong to handovers the other loop holds waits a moment and tries again.
        const drain = async () => {
          let candidates = batchSize;
          while (candidates === batchSize && !signal.aborted) {
            const batch = await relayOutboxBatch({
              db,
              publisher: options.publisher,
              apiBaseUrl: options.apiBaseUrl,
              batchSize,
              ...(options.observeLatency ? { observeLatency: options.observeLatency } : {}),
            });
            candidates = batch.candidates;
            if (batch.published === 0 && candidates === batchSize) await setTimeout(HELD_ELSEWHERE_WAIT_MS);
          }
        };
        const results = await Promise.allSettled(Array.from({ length: concurrency }, drain));
        const failed = results.find((result) => result.status === "rejected");
        if (failed) throw failed.reason;
        if (unreachableSince !== null) {
          options.logger.info(
            { downSeconds: Math.round((clock() - unreachableSince) / 1000) },
            "Kafka reachable again; outbox drained",
          );
        }
        if (failingSince !== null) options.logger.info({}, "outbox relay working again");
        failures = 0;
        unreachableSince = null;
        failingSince = null;
      } catch (error) {
        failures++;
        retryAt = clock() + Math.min(MAX_BACKOFF_MS, 250 * 2 ** failures);
        if (error instanceof PublishError) {
          if (unreachableSince === null) {
            unreachableSince = clock();
            options.logger.error(
              { reason: error.message },
              "Kafka unreachable; events stay in the outbox until it is back",
            );
          }
        } else if (failingSince === null) {
          // Not Kafka (the database, most likely): /healthz reports that on its own; say it once here too.
          failingSince = clock();
          options.logger.error({ err: error }, "outbox relay failed; retrying with backoff");
        }
      }
    },
  };
}
