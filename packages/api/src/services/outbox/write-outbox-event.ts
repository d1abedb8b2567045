import { outbox, type Transaction } from "@ketenportaal/db";
import { type Aggregate, eventSource, eventTypeName, type Topic } from "@ketenportaal/events";
import { sql } from "drizzle-orm";

/**
 * Writes one event to the transactional outbox, in the caller's transaction, and wakes the relay on commit. The
 * payload must already have been parsed by its strict contract (packages/events): that is what keeps personal data
 * out. `sequence` is the aggregate's version after the change, so it grows with every event of that aggregate.
 */
export async function writeOutboxEvent(options: {
  tx: Transaction;
  aggregate: Aggregate;
  aggregateId: string;
  event: string;
  sequence: number;
  /** The VT organisation that owns the aggregate: its OIN names the event's source. */
  organisationId: string;
  organisationOin: string | null;
  topic: Topic;
  payload: unknown;
  now: Date;
}): Promise<void> {
  await options.tx.insert(outbox).values({
    aggregateType: options.aggregate,
    aggregateId: options.aggregateId,
    eventType: eventTypeName({ aggregate: options.aggregate, event: options.event }),
    sequence: options.sequence,
    source: options.organisationOin
      ? eventSource({ vtOin: options.organisationOin })
      : `urn:nld:ketenportaal:organisatie:${options.organisationId}`,
    topic: options.topic,
    payload: options.payload,
    createdAt: options.now,
  });
  // Delivered on commit: wakes the relay without polling.
  await options.tx.execute(sql`select pg_notify('ketenportaal_outbox', ${options.aggregateId})`);
}
