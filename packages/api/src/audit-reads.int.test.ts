import { auditLog } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { desc, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCases } from "./services/demo/seed-demo-cases";
import { seedDemoRegion } from "./services/demo/seed-demo-region";
import { callerForUser, createTestClock, testApiConfig } from "./testing/callers";

let test: TestDatabase;
const now = new Date("2026-11-25T10:00:00Z");
let vt: Awaited<ReturnType<typeof callerForUser>>;
let partner: Awaited<ReturnType<typeof callerForUser>>;

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now, config: testApiConfig });
  const clock = createTestClock(now);
  vt = await callerForUser({ db: test.db, email: "coordinator.haarlem@vt-kennemerland.example", clock });
  partner = await callerForUser({ db: test.db, email: "medewerker@swt-haarlem.example", clock });
}, 120_000);
afterAll(async () => {
  await test?.drop();
});

/** The audit rows a call wrote (read as the table owner, after the call's transaction committed). */
async function auditOf<T>(call: () => Promise<T>) {
  const [last] = await test.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const result = await call();
  const rows = await test.db
    .select()
    .from(auditLog)
    .where(gt(auditLog.id, last?.id ?? 0))
    .orderBy(auditLog.id);
  return { result, rows };
}

describe("NEN 7513: reads on record", () => {
  it.each([
    ["handover.list", "handover.list", () => vt.handover.list({ limit: 50 })],
    ["handover.inbox", "handover.inbox.list", () => partner.handover.inbox()],
    ["case.list", "case.list", () => vt.case.list()],
    ["vv.list", "vv_trajectory.list", () => vt.vv.list()],
    ["notification.list", "notification.list", () => partner.notification.list()],
  ] as const)("%s writes one read row per call with the ids shown", async (_name, objectType, call) => {
    const { result, rows } = await auditOf(call as () => Promise<{ items: { id: string }[] }>);
    const ids = (result as { items: { id: string }[] }).items.map((item) => item.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "read", objectType, outcome: "success" });
    expect(rows[0]?.objectId?.split(" ").sort()).toEqual([...ids].sort());
    expect(rows[0]?.userId).toBeTruthy();
    expect(rows[0]?.organisationId).toBeTruthy();
    expect(rows[0]?.role).toBeTruthy();
  });

  it("table.list writes one read row with the meetings shown", async () => {
    const { result, rows } = await auditOf(() => vt.table.list());
    const ids = [...result.upcoming, ...result.past].map((meeting) => meeting.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "read", objectType: "handover_table.list", purpose: "handover_table" });
    expect(rows[0]?.objectId?.split(" ").sort()).toEqual([...ids].sort());
  });

  it("every detail read writes a read row naming the record", async () => {
    const handover = (await vt.handover.list({ limit: 1 })).items[0];
    const caseRow = (await vt.case.list()).items[0];
    const trajectory = (await vt.vv.list()).items[0];
    const meeting = (await vt.table.list()).upcoming[0];
    if (!handover || !caseRow || !trajectory || !meeting) throw new Error("demo data missing");
    const reads: [() => Promise<unknown>, string][] = [
      [() => vt.handover.get({ id: handover.id }), handover.id],
      [() => vt.case.get({ id: caseRow.id }), caseRow.id],
      [() => vt.vv.get({ id: trajectory.id }), trajectory.id],
      [() => vt.table.get({ id: meeting.id }), meeting.id],
      [() => vt.table.minutes({ id: meeting.id }), meeting.id],
    ];
    for (const [call, id] of reads) {
      const { rows } = await auditOf(call);
      expect(rows.filter((row) => row.action === "read" && row.objectId === id).length).toBeGreaterThanOrEqual(1);
    }
  });
});
