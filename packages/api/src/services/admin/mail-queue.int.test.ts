import { auditLog, mailOutbox } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForUser, createTestClock } from "../../testing/callers";
import { seedDemoCases } from "../demo/seed-demo-cases";
import { seedDemoRegion } from "../demo/seed-demo-region";

type Caller = Awaited<ReturnType<typeof callerForUser>>;
let test: TestDatabase;
let admin: Caller;
let vtWorker: Caller;
let partnerCoordinator: Caller;
const now = new Date("2026-11-25T10:00:00Z");
const clock = createTestClock(now);
let failedId: string;
let sentId: string;
let pendingId: string;

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now, config: { publicUrl: "https://ketenportaal.test" } });
  const as = (email: string) => callerForUser({ db: test.db, email, clock });
  admin = await as("beheer@vt-kennemerland.example");
  vtWorker = await as("medewerker@vt-kennemerland.example");
  partnerCoordinator = await as("coordinator@swt-haarlem.example");

  // The bridge's end states, as it leaves them: one given up after eight attempts, one sent.
  const rows = await test.db.select().from(mailOutbox).orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id));
  expect(rows.length).toBeGreaterThanOrEqual(5);
  [failedId, sentId, pendingId] = rows.map((row) => row.id) as [string, string, string];
  await test.db
    .update(mailOutbox)
    .set({ attempts: 8, failedAt: now, lastError: "ECONNECTION", nextAttemptAt: new Date("2026-11-25T11:00:00Z") })
    .where(eq(mailOutbox.id, failedId));
  await test.db
    .update(mailOutbox)
    .set({ attempts: 1, sentAt: now, messageId: `<${sentId}@ketenportaal>` })
    .where(eq(mailOutbox.id, sentId));
});
afterAll(async () => {
  await test?.drop();
});

async function rowOf(id: string) {
  const [row] = await test.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row;
}

async function mailAudits() {
  return test.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.objectType, "mail"), eq(auditLog.purpose, "beheer")))
    .orderBy(desc(auditLog.id));
}

describe("admin.mail.list", () => {
  it("lists recipient, subject, status, attempts and Message-ID, without the bodies, and audits the read", async () => {
    const total = (await test.db.select({ id: mailOutbox.id }).from(mailOutbox)).length;
    const page = await admin.admin.mail.list({ limit: 100 });
    expect(page.counts).toEqual({ pending: total - 2, sent: 1, failed: 1 });
    expect(page.items).toHaveLength(total);
    const failed = page.items.find((item) => item.id === failedId);
    expect(failed).toMatchObject({
      status: "failed",
      attempts: 8,
      lastError: "ECONNECTION",
      failedAt: now,
      sentAt: null,
      messageId: `<${failedId}@ketenportaal>`,
      toAddress: expect.stringContaining("@"),
      subject: expect.any(String),
    });
    expect(failed).not.toHaveProperty("bodyText");
    expect(failed).not.toHaveProperty("bodyHtml");
    expect(page.items.find((item) => item.id === sentId)).toMatchObject({ status: "sent", sentAt: now });
    expect(page.items.find((item) => item.id === pendingId)).toMatchObject({ status: "pending" });
    const created = page.items.map((item) => item.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect((await mailAudits())[0]).toMatchObject({ action: "read", outcome: "success", role: "functional_admin" });
  });

  it("filters by status", async () => {
    const failed = await admin.admin.mail.list({ status: "failed", limit: 100 });
    expect(failed.items.map((item) => item.id)).toEqual([failedId]);
    const sent = await admin.admin.mail.list({ status: "sent", limit: 100 });
    expect(sent.items.map((item) => item.id)).toEqual([sentId]);
    const pending = await admin.admin.mail.list({ status: "pending", limit: 100 });
    expect(pending.items.every((item) => item.status === "pending")).toBe(true);
    expect(pending.items.map((item) => item.id)).not.toContain(failedId);
  });

  it("pages without losing or repeating messages written in one transaction", async () => {
    const total = (await test.db.select({ id: mailOutbox.id }).from(mailOutbox)).length;
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.admin.mail.list({ limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});

describe("admin.mail.retry", () => {
  it("refuses a message that has not failed, and changes nothing", async () => {
    const sentBefore = await rowOf(sentId);
    await expect(admin.admin.mail.retry({ id: sentId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("al verzonden"),
    });
    expect(await rowOf(sentId)).toEqual(sentBefore);

    const pendingBefore = await rowOf(pendingId);
    await expect(admin.admin.mail.retry({ id: pendingId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("wacht nog op verzending"),
    });
    expect(await rowOf(pendingId)).toEqual(pendingBefore);

    await expect(admin.admin.mail.retry({ id: "6f0c1a52-3b1e-4c3d-9a8e-1f2b3c4d5e6f" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("is for the functioneel beheerder only", async () => {
    const before = await rowOf(failedId);
    const audits = (await mailAudits()).length;
    for (const caller of [vtWorker, partnerCoordinator]) {
      await expect(caller.admin.mail.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.admin.mail.retry({ id: failedId })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Alleen een functioneel beheerder heeft toegang tot deze beheerfunctie.",
      });
    }
    expect(await rowOf(failedId)).toEqual(before);
    expect((await mailAudits()).length).toBe(audits);
  });

  it("makes a failed message due again under the same id, and audits it", async () => {
    const retriedAt = new Date("2026-11-25T12:30:00Z");
    clock.set(retriedAt);
    const result = await admin.admin.mail.retry({ id: failedId });
    expect(result).toEqual({ id: failedId, status: "pending", nextAttemptAt: retriedAt });
    expect(await rowOf(failedId)).toMatchObject({
      id: failedId,
      failedAt: null,
      sentAt: null,
      attempts: 0,
      lastError: null,
      nextAttemptAt: retriedAt,
    });
    const listed = await admin.admin.mail.list({ status: "pending", limit: 100 });
    expect(listed.items.find((item) => item.id === failedId)?.messageId).toBe(`<${failedId}@ketenportaal>`);
    expect((await mailAudits()).find((row) => row.action === "execute")).toMatchObject({
      objectId: failedId,
      outcome: "success",
      role: "functional_admin",
    });

    // A second click (another tab, another beheerder) finds it no longer failed.
    await expect(admin.admin.mail.retry({ id: failedId })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
