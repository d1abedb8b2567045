import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Transactional outbox: written in the same transaction as the change it announces, relayed by the bridge. */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insert order. Changes to one aggregate are serialised by its row lock, so this is its commit order too. */
    position: bigserial("position", { mode: "number" }).notNull(),
    aggregateType: text("aggregate_type").notNull(),
    aggregateId: uuid("aggregate_id").notNull(),
    eventType: text("event_type").notNull(),
    /** The event's number within its aggregate (CloudEvents `sequence`). */
    sequence: integer("sequence").notNull(),
    /** CloudEvents `source`: the URN of the VT organisation that owns the aggregate. */
    source: text("source").notNull(),
    /** Kafka topic, chosen by the receiving organisation's kind when the event was written. */
    topic: text("topic").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    /** When the bridge created this event's webhook deliveries (independent of Kafka, which may not be configured). */
    webhooksFannedOutAt: timestamp("webhooks_fanned_out_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_unpublished_idx").on(t.position).where(sql`${t.publishedAt} is null`),
    index("outbox_aggregate_idx").on(t.aggregateId, t.createdAt),
    index("outbox_webhooks_pending_idx").on(t.position).where(sql`${t.webhooksFannedOutAt} is null`),
  ],
);
