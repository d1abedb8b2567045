import type { KafkaRecord } from "@ketenportaal/events";
import kafkajs from "kafkajs";

/** The broker did not take a batch (or could not be reached): the outbox rows stay for the next try. */
export class PublishError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause), { cause });
    this.name = "PublishError";
  }
}

export type TopicBatch = { topic: string; messages: KafkaRecord[] };

/** What the relay needs from Kafka; tests and the embedded default can hand in another. */
export type EventPublisher = {
  /** Connects ahead of a claim, so an unreachable broker is found before any outbox row is locked. */
  connect?: () => Promise<void>;
  publish: (batches: TopicBatch[]) => Promise<void>;
  close: () => Promise<void>;
};

/**
 * A kafkajs producer that waits for all in-sync replicas (`acks: -1`) and keeps one request in flight, so a retry
 * can never overtake an earlier batch: one handover's events stay in order.
 */
export function createKafkaPublisher(options: {
  brokers: string[];
  clientId?: string;
  retry?: { retries: number; initialRetryTime: number; maxRetryTime: number };
  socketFactory?: kafkajs.ISocketFactory;
}): EventPublisher {
  const kafka = new kafkajs.Kafka({
    clientId: options.clientId ?? "ketenportaal-bridge",
    brokers: options.brokers,
    retry: options.retry ?? { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
    logLevel: kafkajs.logLevel.NOTHING,
    ...(options.socketFactory ? { socketFactory: options.socketFactory } : {}),
  });
  const producer = kafka.producer({ allowAutoTopicCreation: true, maxInFlightRequests: 1 });
  let connected: Promise<void> | null = null;
  const connect = async () => {
    connected ??= producer.connect().catch((error: unknown) => {
      connected = null;
      throw error;
    });
    await connected;
  };
  return {
    connect,
    publish: async (batches) => {
      await connect();
      try {
        await producer.sendBatch({
          acks: -1,
          topicMessages: batches.map((batch) => ({
            topic: batch.topic,
            messages: batch.messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
          })),
        });
      } catch (error) {
        // Reconnect from scratch next time: after a broker outage the old connection state is not to be trusted.
        connected = null;
        await producer.disconnect().catch(() => {});
        throw error;
      }
    },
    close: async () => {
      connected = null;
      await producer.disconnect().catch(() => {});
    },
  };
}
