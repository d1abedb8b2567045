import { auditLog, outbox } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForUser, createTestClock } from "../../testing/callers";
import { seedDemoCases } from "../demo/seed-demo-cases";
import { seedDemoRegion } from "../demo/seed-demo-region";

type Caller = Awaited<ReturnType<typeof callerForUser>>;
let test: TestDatabase;
let admin: Caller;
let vtWorker: Caller;
let partnerCoordinator: Caller;
let teamCoordinator: Caller;
const now = new Date("2026-11-25T10:00:00Z");

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now, config: { publicUrl: "https://ketenportaal.test" } });
  const clock = createTestClock(now);
  const as = (email: string) => callerForUser({ db: test.db, email, clock });
  admin = await as("beheer@vt-kennemerland.example");
  vtWorker = await as("medewerker@vt-kennemerland.example");
  partnerCoordinator = await as("coordinator@swt-haarlem.example");
  teamCoordinator = await as("coordinator.haarlem@vt-kennemerland.example");
});
afterAll(async () => {
  await test?.drop();
});

async function auditRowsOf(objectType: string) {
  return test.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, objectType), eq(auditLog.purpose, "beheer")))
    .orderBy(desc(auditLog.id));
}

describe("admin.events.list", () => {
  it("lists the demo region's events newest first, all unpublished without Kafka, and audits the read", async () => {
    const all = await test.db.select().from(outbox);
    expect(all.length).toBeGreaterThan(10);
    const before = (await auditRowsOf("outbox")).length;

    const page = await admin.admin.events.list({ limit: 100 });
    expect(page.unpublishedCount).toBe(all.length);
    expect(page.items).toHaveLength(all.length);
    const positions = page.items.map((event) => event.position);
    expect(positions).toEqual([...positions].sort((a, b) => b - a));
    const handoverEvent = page.items.find((event) => event.aggregateType === "handover");
    expect(handoverEvent).toMatchObject({
      eventType: expect.stringMatching(/^nl\.ketenportaal\.handover\.[a-z_]+\.v1$/),
      topic: expect.stringMatching(/^ketenportaal\.handovers\./),
      publishedAt: null,
      attempts: 0,
      payload: expect.objectContaining({ handoverId: handoverEvent?.aggregateId }),
    });

    const audits = await auditRowsOf("outbox");
    expect(audits.length).toBe(before + 1);
    expect(audits[0]).toMatchObject({ action: "read", outcome: "success", role: "functional_admin", objectId: null });
  });

  it("filters by published and by aggregate", async () => {
    const all = await test.db.select().from(outbox).orderBy(outbox.position);
    const published = all.slice(0, 3).map((row) => row.id);
    await test.db.update(outbox).set({ publishedAt: now, attempts: 1 }).where(inArray(outbox.id, published));
    try {
      const done = await admin.admin.events.list({ published: true, limit: 100 });
      expect(done.items.map((event) => event.id).sort()).toEqual([...published].sort());
      expect(done.items.every((event) => event.publishedAt?.getTime() === now.getTime())).toBe(true);
      const waiting = await admin.admin.events.list({ published: false, limit: 100 });
      expect(waiting.items).toHaveLength(all.length - 3);
      expect(waiting.unpublishedCount).toBe(all.length - 3);

      const aggregateId = all.at(-1)?.aggregateId ?? "";
      const one = await admin.admin.events.list({ aggregateId, limit: 100 });
      const expected = all.filter((row) => row.aggregateId === aggregateId);
      expect(one.items.map((event) => event.id)).toEqual(expected.map((row) => row.id).reverse());
      expect(one.items.map((event) => event.sequence)).toEqual(expected.map((row) => row.sequence).reverse());
      const audits = await auditRowsOf("outbox");
      expect(audits[0]?.objectId).toBe(aggregateId);
    } finally {
      await test.db.update(outbox).set({ publishedAt: null, attempts: 0 }).where(inArray(outbox.id, published));
    }
  });

  it("pages without losing or repeating events", async () => {
    const total = (await test.db.select({ id: outbox.id }).from(outbox).where(isNull(outbox.publishedAt))).length;
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await admin.admin.events.list({ limit: 4, published: false, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((event) => event.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 4));
  });

  it("refuses a malformed cursor in Dutch", async () => {
    await expect(admin.admin.events.list({ cursor: "abc", limit: 10 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("is for the functioneel beheerder only, and a refusal writes nothing", async () => {
    const before = (await auditRowsOf("outbox")).length;
    for (const caller of [vtWorker, partnerCoordinator, teamCoordinator]) {
      await expect(caller.admin.events.list()).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Alleen een functioneel beheerder heeft toegang tot deze beheerfunctie.",
      });
    }
    expect((await auditRowsOf("outbox")).length).toBe(before);
  });
});
