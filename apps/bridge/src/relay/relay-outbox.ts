import { type Database, executeRows, type Transaction } from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { toCloudEvent, toKafkaRecord } from "@ketenportaal/events";
import { sql } from "drizzle-orm";
import { type EventPublisher, PublishError, type TopicBatch } from "./kafka-publisher";

type ClaimedRow = {
  id: string;
  position: string | number;
  aggregate_type: string;
  aggregate_id: string;
  event_type: string;
  source: string;
  sequence: number;
  topic: string;
  payload: unknown;
  created_at: string | Date;
  locked: boolean;
};

/**
 * Publishes one batch of unpublished outbox rows and marks them published, in one claim transaction.
 *
 * Several relays may run at once. Each claims rows with `FOR UPDATE SKIP LOCKED`, and also takes a transaction
 * advisory lock per aggregate: rows of an aggregate another relay is busy with are skipped as a whole, so one
 * handover's events are never split over two relays and reach Kafka in commit order. Different aggregates go in
 * parallel. When the broker does not acknowledge, the transaction rolls back and the rows wait for the next try.
 */
export async function relayOutboxBatch(options: {
  db: Database;
  publisher: EventPublisher;
  apiBaseUrl: string;
  batchSize?: number;
  /** Called with each event's commit-to-acknowledgement time in seconds, once the broker has acknowledged it. */
  observeLatency?: (seconds: number) => void;
}): Promise<{
  published: number;
  /** Unpublished rows nobody else held when this batch was claimed: `batchSize` means there may be more. */
  candidates: number;
}> {
  const batchSize = options.batchSize ?? 200;
  return withSystemTask(options.db, { task: "outbox-relay" }, async (tx) => {
    // First the next `batchSize` rows nobody else holds, then the try-lock on just those. With the try-lock in the
    // scan's WHERE, a plan that sorts (stale statistics after a burst) evaluated it on every unpublished row: one
    // claim locked every handover of the backlog and, past the lock table's size, failed with "out of shared
    // memory" on every try. The materialized CTE is a fence: the try-lock runs on at most `batchSize` rows.
    const rows = await executeRows<ClaimedRow>(
      tx,
      sql`with candidates as materialized (
            select id, position, aggregate_type, aggregate_id, event_type, source, sequence, topic, payload, created_at
            from outbox
            where published_at is null
            order by position
            limit ${batchSize}
            for update skip locked
          )
          select *, pg_try_advisory_xact_lock(hashtextextended(aggregate_id::text, 0)) as locked
          from candidates
          order by position`,
    );
    const candidates = rows.length;
    const locked = rows.filter((row) => row.locked);
    if (locked.length === 0) return { published: 0, candidates };
    const claimed = await keepInOrderPrefixes(tx, locked);
    if (claimed.length === 0) return { published: 0, candidates };

    const byTopic = new Map<string, TopicBatch>();
    for (const row of claimed) {
      const event = toCloudEvent({
        record: {
          id: row.id,
          aggregateType: row.aggregate_type,
          aggregateId: row.aggregate_id,
          eventType: row.event_type,
          source: row.source,
          sequence: Number(row.sequence),
          payload: row.payload,
          createdAt: new Date(row.created_at),
        },
        apiBaseUrl: options.apiBaseUrl,
      });
      const batch = byTopic.get(row.topic) ?? { topic: row.topic, messages: [] };
      batch.messages.push(toKafkaRecord({ event }));
      byTopic.set(row.topic, batch);
    }
    try {
      await options.publisher.publish([...byTopic.values()]);
    } catch (error) {
      throw new PublishError(error);
    }
    const acknowledgedAt = Date.now();
    if (options.observeLatency) {
      for (const row of claimed) options.observeLatency((acknowledgedAt - new Date(row.created_at).getTime()) / 1000);
    }

    // One array parameter, not one per row: with prepared statements every list length would be a statement of
    // its own on each connection.
    const ids = claimed.map((row) => row.id);
    await tx.execute(
      sql`update outbox set published_at = now(), attempts = attempts + 1
          where id = any(${`{${ids.join(",")}}`}::uuid[])`,
    );
    return { published: claimed.length, candidates };
  });
}

/**
 * An aggregate's lock can be free while some of its earlier rows are not among our candidates: another relay holds
 * them (skipped as locked) but lost the aggregate's lock to us, or let go of it leaving them unpublished. Keep, per
 * aggregate, only the claimed rows that continue its unpublished events without a gap; the rest wait their turn.
 * We hold the aggregate's lock now, so nobody else publishes it before we commit.
 */
async function keepInOrderPrefixes(tx: Transaction, rows: ClaimedRow[]): Promise<ClaimedRow[]> {
  const aggregates = [...new Set(rows.map((row) => row.aggregate_id))];
  const pending = await executeRows<{ aggregate_id: string; position: string | number }>(
    tx,
    sql`select aggregate_id, position from outbox
        where published_at is null
          and aggregate_id = any(${`{${aggregates.join(",")}}`}::uuid[])
        order by position`,
  );
  const claimedPositions = new Set(rows.map((row) => String(row.position)));
  const allowed = new Set<string>();
  const blocked = new Set<string>();
  for (const entry of pending) {
    if (blocked.has(entry.aggregate_id)) continue;
    if (claimedPositions.has(String(entry.position))) allowed.add(String(entry.position));
    else blocked.add(entry.aggregate_id);
  }
  return rows.filter((row) => allowed.has(String(row.position)));
}

/** Unpublished events and the age of the oldest, for /metrics and /healthz. */
export async function measureOutboxBacklog(options: {
  db: Database;
}): Promise<{ pending: number; oldestSeconds: number }> {
  const [row] = await withSystemTask(options.db, { task: "metrics" }, (tx) =>
    executeRows<{ pending: number; oldest_seconds: number | null }>(
      tx,
      sql`select count(*)::int as pending,
                 extract(epoch from (now() - min(created_at)))::float8 as oldest_seconds
          from outbox where published_at is null`,
    ),
  );
  return { pending: row?.pending ?? 0, oldestSeconds: Math.max(0, row?.oldest_seconds ?? 0) };
}
