import kafkajs from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { type KafkaMockHandle, kcatBinary, startKafkaMock } from "./kafka";

const { Kafka, logLevel } = kafkajs;

type Received = { key: string | undefined; value: string | undefined; headers: Record<string, string> };

describe("startKafkaMock", () => {
  let mock: KafkaMockHandle | undefined;

  afterAll(async () => {
    await mock?.stop();
  });

  it("finds kcat", () => {
    expect(kcatBinary()).toMatch(/kcat$/);
  });

  it("serves keyed messages with headers to a consumer group, and is gone after stop()", async () => {
    mock = await startKafkaMock({ brokers: 3 });
    expect(mock.brokers).toHaveLength(3);
    for (const broker of mock.brokers) expect(broker).toMatch(/^127\.0\.0\.1:\d+$/);

    const retry = { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 };
    const kafka = new Kafka({ clientId: "support-test", brokers: mock.brokers, logLevel: logLevel.NOTHING, retry });
    const topic = `support-test-${Date.now()}`;

    const producer = kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    try {
      await producer.send({
        topic,
        acks: -1,
        messages: [1, 2, 3].map((n) => ({
          key: `melding-${n}`,
          value: JSON.stringify({ n }),
          headers: { "event-type": "melding.aangemaakt", seq: String(n) },
        })),
      });
    } finally {
      await producer.disconnect();
    }

    const received: Received[] = [];
    // A short fetch wait: disconnect() waits for the fetch in flight, 5 s with the default maxWaitTimeInMs.
    const consumer = kafka.consumer({ groupId: `support-test-${Date.now()}`, maxWaitTimeInMs: 250 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      const allReceived = new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
            received.push({ key: message.key?.toString(), value: message.value?.toString(), headers });
            if (received.length === 3) resolve();
          },
        });
      });
      await Promise.race([
        allReceived,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`consumed ${received.length}/3`)), 20_000)),
      ]);
    } finally {
      await consumer.disconnect();
    }

    // Keys spread over partitions, so the order across them is not fixed.
    received.sort((a, b) => (a.key ?? "").localeCompare(b.key ?? ""));
    expect(received).toEqual(
      [1, 2, 3].map((n) => ({
        key: `melding-${n}`,
        value: JSON.stringify({ n }),
        headers: { "event-type": "melding.aangemaakt", seq: String(n) },
      })),
    );

    const brokers = mock.brokers;
    await mock.stop();
    mock = undefined;

    const after = new Kafka({
      clientId: "support-test-after-stop",
      brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 500,
      retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 300 },
    });
    const lateProducer = after.producer({ allowAutoTopicCreation: true });
    await expect(lateProducer.connect()).rejects.toThrow(/connect|ECONNREFUSED/i);
    await lateProducer.disconnect();
  });
});
