import { executeRows } from "@ketenportaal/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BridgeProcessHandle,
  checkDelivery,
  createTestDatabase,
  createTopic,
  deliveryProblems,
  insertOutboxEvents,
  type KafkaMockHandle,
  readTopics,
  startBridgeProcess,
  startKafkaMock,
  type TestDatabase,
} from "../support";

const TOPIC = "ketenportaal.test.crash";
const EVENTS = 10_000;
/** Lets the first bridge publish this many before the test holds it between Kafka's ack and its commit. */
const KILL_AFTER = 2000;
/** Advisory lock key of the fault injection (far from the relay's hashed aggregate keys in practice). */
const HOLD_KEY = 8_675_309;

let test: TestDatabase;
let kafka: KafkaMockHandle;
const bridges: BridgeProcessHandle[] = [];

beforeAll(async () => {
  [test, kafka] = await Promise.all([createTestDatabase(), startKafkaMock({ brokers: 3 })]);
  await createTopic({ brokers: kafka.brokers, topic: TOPIC });
});
afterAll(async () => {
  for (const bridge of bridges) await bridge.stop();
  await kafka?.stop();
  await test?.drop();
});

const count = async (query: ReturnType<typeof sql>) => (await executeRows<{ n: number }>(test.db, query))[0]?.n ?? 0;
const published = () => count(sql`select count(*)::int as n from outbox where published_at is not null`);
/** Relay transactions of this database that wait on the held lock: Kafka acknowledged their batch, nothing is marked. */
const heldRelays = () =>
  count(sql`select count(*)::int as n from pg_locks
            where locktype = 'advisory' and classid = 0 and objid = ${HOLD_KEY} and objsubid = 1 and not granted
              and database = (select oid from pg_database where datname = current_database())`);
/** Aggregate locks still held: a claim transaction is open (the killed bridge's, until PostgreSQL ends it). */
const openClaims = () =>
  count(sql`select count(*)::int as n from pg_locks
            where locktype = 'advisory' and granted
              and database = (select oid from pg_database where datname = current_database())`);

function startBridge() {
  return startBridgeProcess({
    env: {
      DATABASE_URL: test.url,
      KAFKA_BROKERS: kafka.brokers.join(","),
      BRIDGE_POLL_INTERVAL_MS: "50",
      PUBLIC_URL: "https://ketenportaal.test",
    },
  }).then((bridge) => {
    bridges.push(bridge);
    return bridge;
  });
}

describe("the bridge process killed with SIGKILL in the middle of its work", () => {
  it("publishes every event at least once after its restart, in order per handover, a re-send with the same id", async () => {
    const aggregates = Array.from({ length: 250 }, () => crypto.randomUUID());
    const expected = await insertOutboxEvents({
      db: test.db,
      topic: TOPIC,
      aggregateIds: aggregates,
      eventsPerAggregate: 40,
    });
    expect(expected).toHaveLength(EVENTS);

    // Fault injection: once KILL_AFTER events are published, the relay's "mark published" statement waits for a lock
    // the test holds. A relay waiting there has had its batch acknowledged by Kafka and has not committed: the worst
    // moment to die, reached every time instead of by luck.
    await test.db.execute(
      sql.raw(`create function test_hold_before_marking() returns trigger language plpgsql as $$
        begin
          if (select count(*) from outbox where published_at is not null) >= ${KILL_AFTER} then
            perform pg_advisory_xact_lock_shared(${HOLD_KEY});
          end if;
          return null;
        end $$;
        create trigger test_hold_before_marking before update on outbox
          for each statement execute function test_hold_before_marking();`),
    );
    let release = () => {};
    const holding = test.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${HOLD_KEY})`);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    try {
      const first = await startBridge();
      await expect
        .poll(heldRelays, { timeout: 60_000, interval: 50, message: `first bridge:\n${first.logs()}` })
        // The relay runs two claim loops: one or both wait there with an acknowledged batch.
        .toBeGreaterThanOrEqual(1);
      const publishedBeforeKill = await published();
      expect(publishedBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(publishedBeforeKill).toBeLessThan(EVENTS);

      first.kill("SIGKILL");
      expect(await first.exited).toEqual({ code: null, signal: "SIGKILL" });
    } finally {
      release();
      await holding;
    }
    await test.db.execute(sql`drop trigger test_hold_before_marking on outbox`);
    // Its connection gone, PostgreSQL rolls the dead bridge's transaction back: the acknowledged batch stays unmarked.
    await expect.poll(openClaims, { timeout: 10_000, interval: 50 }).toBe(0);
    const publishedAfterKill = await published();
    expect(publishedAfterKill).toBeLessThan(EVENTS);

    // Once more without the hold: killed wherever it happens to be (claiming, publishing, marking).
    const second = await startBridge();
    await expect
      .poll(published, { timeout: 60_000, interval: 20, message: `second bridge:\n${second.logs()}` })
      .toBeGreaterThanOrEqual(publishedAfterKill + 2000);
    second.kill("SIGKILL");
    expect(await second.exited).toEqual({ code: null, signal: "SIGKILL" });
    expect(await published()).toBeLessThan(EVENTS);

    const third = await startBridge();
    await expect
      .poll(published, { timeout: 60_000, interval: 100, message: `third bridge:\n${third.logs()}` })
      .toBe(EVENTS);
    expect(await third.stop()).toEqual({ code: 0, signal: null });

    const received = await readTopics({ brokers: kafka.brokers, topics: [TOPIC] });
    const report = checkDelivery(expected, received);
    expect(deliveryProblems(report)).toEqual({
      missing: 0,
      unexpected: 0,
      outOfOrder: 0,
      conflicting: 0,
      splitKeys: 0,
    });
    expect(report.distinct).toBe(EVENTS);
    // The batch Kafka acknowledged before the first kill went out again after the restart, as the same events.
    expect(report.duplicates).toBeGreaterThanOrEqual(1);
    expect(report.duplicates).toBeLessThanOrEqual(400);
    console.info(
      `crash: first kill after ${publishedAfterKill} of ${EVENTS} marked published; ${report.received} messages read, ` +
        `${report.duplicates} of them re-sent`,
    );
  }, 120_000);
});
