import type { Database } from "@ketenportaal/db";
import { executeRows } from "@ketenportaal/db";
import { sql } from "drizzle-orm";
import kafkajs from "kafkajs";

/** One Kafka message as a partner's consumer sees it, with where it sat in the topic. */
export type ReceivedMessage = {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  value: string;
  headers: Record<string, string>;
};

/** An outbox row the test wrote: what must arrive, under which key, at which place in its aggregate. */
export type ExpectedEvent = { id: string; key: string; sequence: number };

/** The key of the message `createTopic` writes; `checkDelivery` ignores it. */
export const WARM_UP_KEY = "warm-up";

/**
 * Creates a topic before the relays use it, as a deployment would. The mock broker creates topics on first use, and
 * producers that fetch metadata during that moment may see a different partition count and route one key to two
 * partitions. Writes one message with the key `WARM_UP_KEY`, then waits until the metadata shows all partitions.
 */
export async function createTopic(options: { brokers: string[]; topic: string; partitions?: number }): Promise<void> {
  const kafka = new kafkajs.Kafka({ brokers: options.brokers, logLevel: kafkajs.logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: true });
  const admin = kafka.admin();
  try {
    await producer.connect();
    await producer.send({ topic: options.topic, acks: -1, messages: [{ key: WARM_UP_KEY, value: "{}" }] });
    await admin.connect();
    const deadline = Date.now() + 15_000;
    for (;;) {
      const metadata = await admin.fetchTopicMetadata({ topics: [options.topic] });
      if (metadata.topics[0]?.partitions.length === (options.partitions ?? 4)) return;
      if (Date.now() > deadline) throw new Error(`createTopic: ${options.topic} did not get its partitions in time`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await producer.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

/**
 * Reads every message of the topics from the beginning up to the end they had when this was called (their high
 * watermarks), duplicates included, in partition order. Call it once the writers are done.
 */
export async function readTopics(options: {
  brokers: string[];
  topics: string[];
  timeoutMs?: number;
}): Promise<ReceivedMessage[]> {
  const kafka = new kafkajs.Kafka({ brokers: options.brokers, logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  const ends = new Map<string, number>();
  await admin.connect();
  try {
    for (const topic of options.topics) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        if (Number(high) > 0) ends.set(`${topic}/${partition}`, Number(high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  const received: ReceivedMessage[] = [];
  if (ends.size === 0) return received;
  const reached = new Map<string, number>();
  const consumer = kafka.consumer({ groupId: `test-read-${crypto.randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: options.topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? 60_000;
      const timer = setTimeout(() => {
        const progress = [...ends].map(([name, end]) => `${name}: ${(reached.get(name) ?? -1) + 1}/${end}`).join(", ");
        reject(new Error(`readTopics: not at the end within ${timeoutMs} ms (${progress})`));
      }, timeoutMs);
      const done = () => [...ends].every(([name, end]) => (reached.get(name) ?? -1) >= end - 1);
      void consumer
        .run({
          eachMessage: async ({ topic, partition, message }) => {
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(message.headers ?? {})) {
              if (value !== undefined) headers[name] = value.toString();
            }
            const offset = Number(message.offset);
            received.push({
              topic,
              partition,
              offset,
              key: message.key?.toString() ?? "",
              value: message.value?.toString() ?? "",
              headers,
            });
            const name = `${topic}/${partition}`;
            reached.set(name, Math.max(reached.get(name) ?? -1, offset));
            if (done()) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return received.sort((a, b) =>
    a.topic === b.topic
      ? a.partition === b.partition
        ? a.offset - b.offset
        : a.partition - b.partition
      : a.topic < b.topic
        ? -1
        : 1,
  );
}

export type DeliveryReport = {
  /** Messages read (duplicates included, the warm-up message not). */
  received: number;
  /** Distinct event ids among them. */
  distinct: number;
  /** Messages that repeat an event already read (at-least-once re-sends). */
  duplicates: number;
  /** Expected events that never arrived. */
  missing: string[];
  /** Events nobody expected, or whose key or sequence differ from their outbox row. */
  unexpected: string[];
  /** Events that arrived before their predecessor in the aggregate. */
  outOfOrder: string[];
  /** Re-sends that differ from the first copy (other id at that place, other payload or headers). */
  conflicting: string[];
  /** Keys found in more than one partition: their order is lost. */
  splitKeys: string[];
};

/**
 * Checks what a partner's consumer would see against the outbox rows, in the terms of at-least-once delivery:
 * every event arrives; per key, in one partition, each event arrives only after its predecessor (a re-send may
 * repeat earlier events, a gap may not occur); and a repeated event is the same message, with the same id.
 */
export function checkDelivery(expected: ExpectedEvent[], received: ReceivedMessage[]): DeliveryReport {
  const byId = new Map(expected.map((event) => [event.id, event]));
  const report: DeliveryReport = {
    received: 0,
    distinct: 0,
    duplicates: 0,
    missing: [],
    unexpected: [],
    outOfOrder: [],
    conflicting: [],
    splitKeys: [],
  };
  const seen = new Map<string, ReceivedMessage>();
  const partitionOf = new Map<string, string>();
  const highest = new Map<string, number>();
  const bySequence = new Map<string, string>();
  for (const message of received) {
    if (message.key === WARM_UP_KEY) continue;
    report.received++;
    const id = message.headers.ce_id ?? "";
    const sequence = Number(message.headers.ce_sequence);
    const where = `${message.topic}/${message.partition}`;
    const first = partitionOf.get(message.key);
    if (first === undefined) partitionOf.set(message.key, where);
    else if (first !== where && !report.splitKeys.includes(message.key)) report.splitKeys.push(message.key);

    const row = byId.get(id);
    if (!row || row.key !== message.key || row.sequence !== sequence) report.unexpected.push(id);
    const earlier = seen.get(id);
    if (earlier) {
      report.duplicates++;
      if (earlier.value !== message.value || JSON.stringify(earlier.headers) !== JSON.stringify(message.headers)) {
        report.conflicting.push(id);
      }
    } else {
      seen.set(id, message);
    }
    const top = highest.get(message.key) ?? 0;
    const place = `${message.key}#${sequence}`;
    if (sequence === top + 1) {
      highest.set(message.key, sequence);
      bySequence.set(place, id);
    } else if (sequence <= top) {
      if (bySequence.get(place) !== id) report.conflicting.push(id);
    } else {
      report.outOfOrder.push(id);
    }
  }
  report.distinct = seen.size;
  for (const event of expected) if (!seen.has(event.id)) report.missing.push(event.id);
  return report;
}

/** The report's findings as counts, for one readable assertion: every count but `duplicates` must be 0. */
export function deliveryProblems(report: DeliveryReport) {
  return {
    missing: report.missing.length,
    unexpected: report.unexpected.length,
    outOfOrder: report.outOfOrder.length,
    conflicting: report.conflicting.length,
    splitKeys: report.splitKeys.length,
  };
}

/**
 * Writes `eventsPerAggregate` unpublished outbox rows for each aggregate in one statement, interleaved as concurrent
 * handovers would write them (every aggregate's first event, then every second one, …). Returns what must arrive.
 */
export async function insertOutboxEvents(options: {
  db: Database;
  topic: string;
  aggregateIds: string[];
  eventsPerAggregate: number;
  /** The first event's sequence; more than 1 continues aggregates that already have events. */
  firstSequence?: number;
}): Promise<ExpectedEvent[]> {
  const first = options.firstSequence ?? 1;
  const rows = await executeRows<{ id: string; aggregate_id: string; sequence: number }>(
    options.db,
    sql`insert into outbox (aggregate_type, aggregate_id, event_type, sequence, source, topic, payload)
        select 'handover', a.id, 'nl.ketenportaal.handover.accepted.v1', s.n,
               'urn:nld:oin:00000009999999990001:systeem:ketenportaal', ${options.topic},
               jsonb_build_object('sequence', s.n)
        from generate_series(${first}::int, ${first + options.eventsPerAggregate - 1}::int) s(n)
        cross join unnest(string_to_array(${options.aggregateIds.join(",")}, ',')::uuid[]) with ordinality a(id, i)
        order by s.n, a.i
        returning id, aggregate_id, sequence`,
  );
  return rows.map((row) => ({ id: row.id, key: row.aggregate_id, sequence: Number(row.sequence) }));
}
