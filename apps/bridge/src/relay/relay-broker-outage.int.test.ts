import { connect } from "node:net";
import { executeRows } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { sql } from "drizzle-orm";
import type kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkDelivery,
  createTopic,
  deliveryProblems,
  type ExpectedEvent,
  insertOutboxEvents,
  readTopics,
} from "../../../../tests/support/event-stream";
import { type KafkaMockHandle, startKafkaMock } from "../../../../tests/support/kafka";
import { startTcpProxy, type TcpProxyHandle } from "../../../../tests/support/tcp-proxy";
import { type RunningBridge, startBridge } from "../bridge";
import { createKafkaPublisher, type EventPublisher } from "./kafka-publisher";
import { createOutboxRelayTask } from "./outbox-relay-task";
import { measureOutboxBacklog } from "./relay-outbox";

const TOPIC = "ketenportaal.test.outage";
const CUT_MS = 30_000;
const API = "https://ketenportaal.test";

let test: TestDatabase;
let kafka: KafkaMockHandle;
const proxies = new Map<number, TcpProxyHandle>();
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  [test, kafka] = await Promise.all([createTestDatabase(), startKafkaMock({ brokers: 3 })]);
  for (const broker of kafka.brokers) {
    const [host = "", port = ""] = broker.split(":");
    proxies.set(Number(port), await startTcpProxy({ host, port: Number(port) }));
  }
  await createTopic({ brokers: kafka.brokers, topic: TOPIC });
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  for (const proxy of proxies.values()) await proxy.close();
  await kafka?.stop();
  await test?.drop();
});

const publishedCount = async () =>
  (
    await executeRows<{ n: number }>(test.db, sql`select count(*)::int as n from outbox where published_at is not null`)
  )[0]?.n ?? 0;

describe("the relay while the brokers are cut off for 30 s under load", () => {
  it("keeps running, says unreachable once, publishes nothing meanwhile, then drains every event in order", async () => {
    // Every connection of the relay's producer goes through a proxy per broker: kafkajs connects to the addresses
    // the metadata advertises, so a proxy in front of the bootstrap address alone would be bypassed.
    const bypassed = new Set<string>();
    const socketFactory: kafkajs.ISocketFactory = ({ host, port, onConnect }) => {
      const proxy = proxies.get(port);
      if (!proxy) bypassed.add(`${host}:${port}`);
      const socket = connect({ host: "127.0.0.1", port: proxy ? proxy.port() : 1 }, onConnect);
      socket.setKeepAlive(true, 60_000);
      return socket;
    };
    const inner = createKafkaPublisher({ brokers: kafka.brokers, socketFactory });
    let attempts = 0;
    let failures = 0;
    let duringNextPublish: (() => void) | null = null;
    const publisher: EventPublisher = {
      publish: async (batches) => {
        attempts++;
        const sending = inner.publish(batches);
        const hook = duringNextPublish;
        duringNextPublish = null;
        hook?.();
        try {
          await sending;
        } catch (error) {
          failures++;
          throw error;
        }
      },
      close: inner.close,
    };
    cleanups.push(() => publisher.close());

    const lines: { level: "info" | "error"; message: string | undefined }[] = [];
    const logger = {
      info: (_: object, message?: string) => lines.push({ level: "info", message }),
      error: (_: object, message?: string) => lines.push({ level: "error", message }),
    };
    // The relay's own clock, so that the backoff still running when the brokers return (up to 30 s) can be skipped:
    // the outage is what this test is about, not the length of the last wait.
    let skippedMs = 0;
    const relay = createOutboxRelayTask({
      publisher,
      apiBaseUrl: API,
      logger,
      clock: () => Date.now() + skippedMs,
    });

    // Load: a backlog, then 100 events a second over 100 handovers for as long as the test runs.
    const aggregates = Array.from({ length: 100 }, () => crypto.randomUUID());
    const expected: ExpectedEvent[] = await insertOutboxEvents({
      db: test.db,
      topic: TOPIC,
      aggregateIds: aggregates,
      eventsPerAggregate: 10,
    });
    let tick = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const group = tick % 10;
        const wave = Math.floor(tick / 10);
        expected.push(
          ...(await insertOutboxEvents({
            db: test.db,
            topic: TOPIC,
            aggregateIds: aggregates.slice(group * 10, group * 10 + 10),
            eventsPerAggregate: 1,
            firstSequence: 11 + wave,
          })),
        );
        tick++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    cleanups.push(async () => {
      writing = false;
      await writer;
    });

    const bridge: RunningBridge = startBridge({ db: test.db, logger, pollIntervalMs: 50, tasks: [relay] });
    cleanups.push(() => bridge.stop());
    await expect.poll(publishedCount, { timeout: 20_000, interval: 50 }).toBeGreaterThanOrEqual(1000);
    expect(relay.status().kafka).toBe("ok");

    // The cut, while a batch is on its way: every open connection dropped, every new one refused.
    const cutAt = await new Promise<number>((resolve) => {
      duringNextPublish = () => {
        const at = Date.now();
        setImmediate(() => void Promise.all([...proxies.values()].map((proxy) => proxy.cut())).then(() => resolve(at)));
      };
    });
    await expect.poll(() => relay.status().kafka, { timeout: 20_000, interval: 50 }).toBe("unreachable");
    const publishedWhenUnreachable = await publishedCount();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, cutAt + CUT_MS - Date.now())));

    expect(relay.status()).toMatchObject({ kafka: "unreachable", unreachableSince: expect.any(Date) });
    expect(await publishedCount()).toBe(publishedWhenUnreachable);
    const backlogAtEnd = (await measureOutboxBacklog({ db: test.db })).pending;
    // 30 s of load waited in the outbox (about 3,000 events when idle; far fewer when CI is loaded and the writer slow)
    expect(backlogAtEnd).toBeGreaterThan(200);
    expect(failures).toBeGreaterThanOrEqual(3); // tried again and again ...
    expect(lines.filter((l) => l.level === "error")).toEqual([
      { level: "error", message: "Kafka unreachable; events stay in the outbox until it is back" },
    ]); // ... and said so once

    for (const proxy of proxies.values()) await proxy.restore();
    const ticksAtRestore = bridge.ticks();
    skippedMs += 30_000;
    bridge.wake();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    writing = false;
    await writer;

    await expect
      .poll(async () => (await measureOutboxBacklog({ db: test.db })).pending, { timeout: 30_000, interval: 100 })
      .toBe(0);
    expect(relay.status()).toEqual({ kafka: "ok", unreachableSince: null });
    expect(bridge.ticks()).toBeGreaterThan(ticksAtRestore); // the loop never stopped
    expect(lines.filter((l) => l.level === "error")).toHaveLength(1);
    expect(lines.filter((l) => l.message === "Kafka reachable again; outbox drained")).toHaveLength(1);
    await bridge.stop();
    await publisher.close();

    const received = await readTopics({ brokers: kafka.brokers, topics: [TOPIC] });
    const report = checkDelivery(expected, received);
    expect(deliveryProblems(report)).toEqual({
      missing: 0,
      unexpected: 0,
      outOfOrder: 0,
      conflicting: 0,
      splitKeys: 0,
    });
    expect(report.distinct).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(backlogAtEnd);
    expect(bypassed).toEqual(new Set());
    // The proxies carried the traffic. Not necessarily all three: the producer connects only to the brokers that lead
    // a partition it writes to (plus one for metadata), and the mock may give two brokers all the leaders.
    expect([...proxies.values()].some((proxy) => proxy.accepted() > 0)).toBe(true);
    console.info(
      `outage: ${expected.length} events, ${backlogAtEnd} waiting at the end of the cut, ${attempts} publish attempts ` +
        `(${failures} failed), ${report.duplicates} re-sent`,
    );
  }, 120_000);
});
