import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedDemoRegion } from "@ketenportaal/api";
import { callerForUser, createTestClock } from "@ketenportaal/api/testing";
import { createDatabase, type Database, executeRows, outbox } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { fromKafkaRecord } from "@ketenportaal/events";
import { eq, isNull, sql } from "drizzle-orm";
import kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertOutboxEvents } from "../../../../tests/support/event-stream";
import { type KafkaMockHandle, startKafkaMock } from "../../../../tests/support/kafka";
import { startWorkers } from "../workers";
import { createKafkaPublisher, type EventPublisher } from "./kafka-publisher";
import { createOutboxRelayTask } from "./outbox-relay-task";
import { measureOutboxBacklog, relayOutboxBatch } from "./relay-outbox";

let test: TestDatabase;
let kafka: KafkaMockHandle;
let publisher: EventPublisher;
const API = "https://ketenportaal.test";

beforeAll(async () => {
  [test, kafka] = await Promise.all([createTestDatabase(), startKafkaMock({ brokers: 3 })]);
  await seedDemoRegion({ db: test.db });
  publisher = createKafkaPublisher({ brokers: kafka.brokers });
});
afterAll(async () => {
  await publisher?.close();
  await kafka?.stop();
  await test?.drop();
});

type Received = { key: string; value: Buffer; headers: Record<string, string> };

/** Reads a topic from the beginning until `count` messages arrived. */
async function consume(topic: string, count: number): Promise<Received[]> {
  const client = new kafkajs.Kafka({ brokers: kafka.brokers, logLevel: kafkajs.logLevel.NOTHING });
  const consumer = client.consumer({ groupId: `test-${topic}-${Date.now()}`, maxWaitTimeInMs: 250 });
  const received: Received[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`only ${received.length} of ${count} messages on ${topic}`)),
      30_000,
    );
    void consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) if (value) headers[name] = value.toString();
        received.push({ key: message.key?.toString() ?? "", value: message.value ?? Buffer.alloc(0), headers });
        if (received.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  try {
    await done;
  } finally {
    await consumer.disconnect();
  }
  return received;
}

describe("the outbox relay", () => {
  it("publishes an offered handover as a CloudEvent on the local teams' topic, keyed by the handover", async () => {
    const clock = createTestClock("2026-11-30T09:00:00Z");
    const vt = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
    const options = await vt.handover.formOptions();
    const created = await vt.case.create({
      reference: "VT-RELAY-1",
      municipalityCode: "GM0392",
      reportedAt: new Date("2026-11-23T08:00:00Z"),
      safetyAssessmentCompleted: true,
      conclusion: "Conclusie",
      persons: [{ role: "child", name: "Relay Kind", birthYear: 2015, spokenStatus: "spoken" }],
    });
    const draft = await vt.handover.create({
      caseId: created.id,
      targetTeamId: options.teams.find((t) => t.name === "Wijkteam Haarlem")?.id ?? "",
      concerns: "Zorgen",
      safetyConditions: "Voorwaarden",
      householdView: "Visie",
      vtContactUserId: options.vtContacts[0]?.id ?? "",
      vtJoinsFirstVisit: true,
    });
    const offered = await vt.handover.offer({ id: draft.id, version: draft.version });

    expect(await relayOutboxBatch({ db: test.db, publisher, apiBaseUrl: API })).toEqual({
      published: 1,
      candidates: 1,
    });
    expect(await relayOutboxBatch({ db: test.db, publisher, apiBaseUrl: API })).toEqual({
      published: 0,
      candidates: 0,
    });

    const [message] = await consume("ketenportaal.handovers.local-teams", 1);
    if (!message) throw new Error("nothing arrived");
    expect(message.key).toBe(offered.id);
    const event = fromKafkaRecord(message);
    expect(event).toMatchObject({
      type: "nl.ketenportaal.handover.offered.v1",
      source: "urn:nld:oin:00000009999999990001:systeem:ketenportaal",
      subject: offered.id,
      sequence: "2",
      sequencetype: "Integer",
      dataref: `${API}/api/v1/overdrachten/${offered.id}`,
    });
    expect(event.data).toMatchObject({ handoverId: offered.id, status: "offered", acceptanceDueOn: "2026-12-03" });
    expect(message.value.toString()).not.toContain("Relay Kind");
    const [row] = await test.db.select().from(outbox).where(eq(outbox.aggregateId, offered.id));
    expect(row?.id).toBe(event.id);
    expect(row?.publishedAt).not.toBeNull();
  });

  it("keeps each aggregate's order with three relays racing on 10,000 events of 500 handovers, and loses nothing", async () => {
    const aggregates = Array.from({ length: 500 }, () => crypto.randomUUID());
    const rows = await insertOutboxEvents({
      db: test.db,
      topic: "ketenportaal.test.order",
      aggregateIds: aggregates,
      eventsPerAggregate: 20,
    });
    expect(rows).toHaveLength(10_000);

    // Production creates topics beforehand with a fixed partition count. The mock broker creates them on first use,
    // and producers that fetch metadata during that moment may see a different count and route one key to two
    // partitions: create the topic first, as a deployment would.
    await publisher.publish([
      { topic: "ketenportaal.test.order", messages: [{ key: "warm-up", value: "{}", headers: {} }] },
    ]);
    const admin = new kafkajs.Kafka({ brokers: kafka.brokers, logLevel: kafkajs.logLevel.NOTHING }).admin();
    await admin.connect();
    await expect
      .poll(
        async () =>
          (await admin.fetchTopicMetadata({ topics: ["ketenportaal.test.order"] })).topics[0]?.partitions.length,
      )
      .toBe(4);
    await admin.disconnect();

    const publishLog: string[] = [];
    const handedOver = [0, 0, 0];
    const relays = [0, 1, 2].map((relay) => {
      const inner = createKafkaPublisher({ brokers: kafka.brokers });
      return {
        publish: async (batches: Parameters<EventPublisher["publish"]>[0]) => {
          for (const b of batches) for (const m of b.messages) publishLog.push(`${m.key}:${m.headers.ce_sequence}`);
          for (const b of batches) handedOver[relay] = (handedOver[relay] ?? 0) + b.messages.length;
          await inner.publish(batches);
        },
        close: inner.close,
      };
    });
    const drain = async (relay: EventPublisher) => {
      for (;;) {
        const { published } = await relayOutboxBatch({ db: test.db, publisher: relay, apiBaseUrl: API, batchSize: 50 });
        if (published === 0 && (await measureOutboxBacklog({ db: test.db })).pending === 0) return;
      }
    };
    await Promise.all(relays.map(drain));
    await Promise.all(relays.map((relay) => relay.close()));
    // A real race: every relay got its share (a claim that locks the whole backlog would starve the others).
    expect(handedOver.every((count) => count >= 500)).toBe(true);

    // Handed to Kafka in order, per aggregate, across the three relays.
    const last = new Map<string, number>();
    for (const entry of publishLog) {
      const [key = "", sequence] = entry.split(":");
      expect(`${key}:${sequence}`).toBe(`${key}:${(last.get(key) ?? 0) + 1}`);
      last.set(key, Number(sequence));
    }
    const received = await consume("ketenportaal.test.order", rows.length + 1);
    const seen = new Map<string, number>();
    for (const message of received.filter((m) => m.key !== "warm-up")) {
      const sequence = Number(message.headers.ce_sequence);
      expect(sequence).toBe((seen.get(message.key) ?? 0) + 1);
      seen.set(message.key, sequence);
    }
    expect([...seen.values()].every((last) => last === 20)).toBe(true);
    expect(seen.size).toBe(500);
  });

  it("claims the next batch while one is with the broker, and keeps each aggregate's order", async () => {
    await insertOutboxEvents({
      db: test.db,
      topic: "ketenportaal.test.pipelined",
      aggregateIds: Array.from({ length: 500 }, () => crypto.randomUUID()),
      eventsPerAggregate: 2,
    });
    let inFlight = 0;
    let mostInFlight = 0;
    const publishLog: string[] = [];
    const slowBroker: EventPublisher = {
      publish: async (batches) => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        for (const b of batches) for (const m of b.messages) publishLog.push(`${m.key}:${m.headers.ce_sequence}`);
        await new Promise((resolve) => setTimeout(resolve, 40));
        inFlight--;
      },
      close: async () => {},
    };
    const task = createOutboxRelayTask({
      publisher: slowBroker,
      apiBaseUrl: API,
      logger: { info: () => {}, error: () => {} },
      batchSize: 50,
    });
    await task.run({ db: test.db, signal: new AbortController().signal });

    expect((await measureOutboxBacklog({ db: test.db })).pending).toBe(0);
    expect(publishLog).toHaveLength(1000);
    expect(mostInFlight).toBe(2);
    const last = new Map<string, number>();
    for (const entry of publishLog) {
      const [key = "", sequence] = entry.split(":");
      expect(`${key}:${sequence}`).toBe(`${key}:${(last.get(key) ?? 0) + 1}`);
      last.set(key, Number(sequence));
    }
  });

  it("keeps the rows, logs once and keeps running while Kafka is unreachable", async () => {
    await test.db.insert(outbox).values({
      aggregateType: "handover",
      aggregateId: crypto.randomUUID(),
      eventType: "nl.ketenportaal.handover.offered.v1",
      sequence: 2,
      source: "urn:nld:oin:00000009999999990001:systeem:ketenportaal",
      topic: "ketenportaal.handovers.cjg",
      payload: {},
    });
    const unreachable = createKafkaPublisher({
      brokers: ["127.0.0.1:1"],
      retry: { retries: 1, initialRetryTime: 50, maxRetryTime: 100 },
    });
    const errors: unknown[] = [];
    let now = 0;
    const task = createOutboxRelayTask({
      publisher: unreachable,
      apiBaseUrl: API,
      logger: { info: () => {}, error: (entry) => errors.push(entry) },
      clock: () => now,
    });
    const signal = new AbortController().signal;
    for (let attempt = 0; attempt < 3; attempt++) {
      now += 60_000;
      await task.run({ db: test.db, signal });
    }
    expect(errors).toHaveLength(1);
    expect(task.status().kafka).toBe("unreachable");
    const pending = await test.db.select().from(outbox).where(isNull(outbox.publishedAt));
    expect(pending).toHaveLength(1);
    await unreachable.close();

    const recovered = createOutboxRelayTask({
      publisher,
      apiBaseUrl: API,
      logger: { info: () => {}, error: () => {} },
    });
    await recovered.run({ db: test.db, signal });
    expect((await measureOutboxBacklog({ db: test.db })).pending).toBe(0);
    expect(recovered.status().kafka).toBe("ok");
  });

  it("is woken by the commit's NOTIFY, long before its poll interval", async () => {
    const database = await createDatabase({ databaseUrl: test.url, poolSize: 2 });
    const workers = await startWorkers({
      database,
      logger: { info: () => {}, error: () => {} },
      publicUrl: API,
      kafkaBrokers: kafka.brokers,
      mail: { mailDir: join(tmpdir(), `kp-relay-mail-${process.pid}`), from: "test@ketenportaal.example" },
      pollIntervalMs: 60_000,
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // the first (empty) tick
      const aggregateId = crypto.randomUUID();
      await test.db.transaction(async (tx) => {
        await tx.insert(outbox).values({
          aggregateType: "handover",
          aggregateId,
          eventType: "nl.ketenportaal.handover.offered.v1",
          sequence: 2,
          source: "urn:nld:oin:00000009999999990001:systeem:ketenportaal",
          topic: "ketenportaal.handovers.youth-protection",
          payload: {},
        });
        await tx.execute(sql`select pg_notify('ketenportaal_outbox', ${aggregateId})`);
      });
      await expect
        .poll(
          async () => (await test.db.select().from(outbox).where(eq(outbox.aggregateId, aggregateId)))[0]?.publishedAt,
          {
            timeout: 10_000,
          },
        )
        .toBeInstanceOf(Date);
      expect(workers.relayStatus()?.kafka).toBe("ok");
    } finally {
      await workers.stop();
      await database.close();
    }
  });

  it("reports each event's time from commit to the broker's acknowledgement", async () => {
    const aggregateId = crypto.randomUUID();
    await test.db.insert(outbox).values({
      aggregateType: "handover",
      aggregateId,
      eventType: "nl.ketenportaal.handover.accepted.v1",
      sequence: 1,
      source: "urn:nld:oin:00000009999999990001:systeem:ketenportaal",
      topic: "ketenportaal.test.latency",
      payload: {},
      createdAt: new Date(Date.now() - 1500),
    });
    const latencies: number[] = [];
    const result = await relayOutboxBatch({
      db: test.db,
      publisher,
      apiBaseUrl: API,
      observeLatency: (seconds) => latencies.push(seconds),
    });
    expect(result).toEqual({ published: 1, candidates: 1 });
    expect(latencies).toHaveLength(1);
    expect(latencies[0]).toBeGreaterThanOrEqual(1.5);
    expect(latencies[0]).toBeLessThan(60);
  });
  it("try-locks no more handovers than it claims events, whatever plan the database picks", async () => {
    // A backlog over many handovers, as after an outage. The claim once evaluated its try-lock on every unpublished
    // row when the planner sorted them instead of walking the index (stale statistics after a burst): one relay
    // locked every handover of the backlog, the others found nothing to do, and beyond the lock table's size
    // (max_locks_per_transaction × max_connections) every claim failed with "out of shared memory" — for good.
    const aggregates = Array.from({ length: 3000 }, () => crypto.randomUUID());
    await insertOutboxEvents({
      db: test.db,
      topic: "ketenportaal.test.claim",
      aggregateIds: aggregates,
      eventsPerAggregate: 1,
    });
    const sorting = await createDatabase({
      databaseUrl: `${test.url}?options=${encodeURIComponent("-c enable_indexscan=off")}`,
      poolSize: 2,
    });
    const advisoryLocks = async (db: Database) => {
      const [row] = await executeRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from pg_locks
            where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
      );
      return row?.n ?? 0;
    };
    const heldDuringPublish: number[] = [];
    const counting: EventPublisher = {
      publish: async () => {
        heldDuringPublish.push(await advisoryLocks(test.db));
      },
      close: async () => {},
    };
    try {
      let total = 0;
      for (let published = -1; published !== 0; ) {
        ({ published } = await relayOutboxBatch({
          db: sorting.db,
          publisher: counting,
          apiBaseUrl: API,
          batchSize: 100,
        }));
        total += published;
      }
      expect(total).toBe(3000);
      expect(heldDuringPublish).toHaveLength(30);
      expect(Math.max(...heldDuringPublish)).toBeLessThanOrEqual(100);
    } finally {
      await sorting.close();
    }
  });
});
