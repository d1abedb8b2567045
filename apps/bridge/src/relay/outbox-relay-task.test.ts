import type { Database } from "@ketenportaal/db";
import { describe, expect, it } from "vitest";
import type { EventPublisher } from "./kafka-publisher";
import { createOutboxRelayTask } from "./outbox-relay-task";

function recordingLogger() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      info: (_: object, message?: string) => lines.push(`info ${message}`),
      error: (_: object, message?: string) => lines.push(`error ${message}`),
    },
  };
}

const signal = new AbortController().signal;
/** A database whose every query fails, as when PostgreSQL is gone. */
const brokenDatabase = {
  transaction: async () => {
    throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
  },
} as unknown as Database;

describe("the relay task", () => {
  it("says Kafka is unreachable when the broker cannot be connected, before it claims any row", async () => {
    const { lines, logger } = recordingLogger();
    let claimed = false;
    const db = {
      transaction: async () => {
        claimed = true;
        throw new Error("must not claim");
      },
    } as unknown as Database;
    const publisher: EventPublisher = {
      connect: async () => {
        throw new Error("KafkaJSConnectionError: Connection error: connect ECONNREFUSED");
      },
      publish: async () => {},
      close: async () => {},
    };
    let now = 0;
    const task = createOutboxRelayTask({ publisher, apiBaseUrl: "https://x.test", logger, clock: () => now });
    await task.run({ db, signal });
    now += 60_000;
    await task.run({ db, signal });
    expect(claimed).toBe(false);
    expect(task.status().kafka).toBe("unreachable");
    expect(lines).toEqual(["error Kafka unreachable; events stay in the outbox until it is back"]);
  });

  it("does not blame Kafka for a database failure, and logs it once", async () => {
    const { lines, logger } = recordingLogger();
    const publisher: EventPublisher = { connect: async () => {}, publish: async () => {}, close: async () => {} };
    let now = 0;
    const task = createOutboxRelayTask({ publisher, apiBaseUrl: "https://x.test", logger, clock: () => now });
    await task.run({ db: brokenDatabase, signal });
    now += 60_000;
    await task.run({ db: brokenDatabase, signal });
    expect(task.status().kafka).toBe("ok");
    expect(lines).toEqual(["error outbox relay failed; retrying with backoff"]);
  });
});
