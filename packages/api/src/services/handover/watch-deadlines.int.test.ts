import { mailOutbox, notifications, outbox, users } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForUser, createTestClock, testApiConfig } from "../../testing/callers";
import { seedDemoRegion } from "../demo/seed-demo-region";
import { createDeadlineWatchTask, watchHandoverDeadlines } from "./watch-deadlines";

let test: TestDatabase;
let handoverId: string;
const clock = createTestClock("2026-11-30T09:00:00Z"); // Monday

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  const vt = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
  const options = await vt.handover.formOptions();
  const created = await vt.case.create({
    reference: "VT-2026-9001",
    municipalityCode: "GM0392",
    reportedAt: new Date("2026-11-23T08:00:00Z"),
    safetyAssessmentCompleted: true,
    conclusion: "Conclusie",
    persons: [{ role: "child", name: "Kind", spokenStatus: "spoken" }],
  });
  const draft = await vt.handover.create({
    caseId: created.id,
    targetTeamId: options.teams.find((t) => t.name === "Wijkteam Haarlem")?.id ?? "",
    concerns: "Zorgen",
    safetyConditions: "Voorwaarden",
    householdView: "Visie",
    vtContactUserId: options.vtContacts[0]?.id ?? "",
    vtJoinsFirstVisit: false,
  });
  const offered = await vt.handover.offer({ id: draft.id, version: draft.version });
  handoverId = offered.id; // acceptance due Thursday 3 December
});
afterAll(async () => {
  await test?.drop();
});

const watchAt = (at: string) => watchHandoverDeadlines({ db: test.db, now: new Date(at), config: testApiConfig });

async function alertsFor(kind: string) {
  return test.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.handoverId, handoverId), eq(notifications.kind, kind)));
}

describe("the deadline watch", () => {
  it("does nothing while the deadline is far away", async () => {
    expect(await watchAt("2026-12-01T08:00:00Z")).toEqual({ reminders: 0, escalations: 0 });
  });

  it("reminds the team one working day before, once", async () => {
    expect(await watchAt("2026-12-02T08:00:00Z")).toEqual({ reminders: 1, escalations: 0 });
    expect(await watchAt("2026-12-02T08:00:00Z")).toEqual({ reminders: 0, escalations: 0 });
    expect(await watchAt("2026-12-03T15:00:00Z")).toEqual({ reminders: 0, escalations: 0 });
    const reminders = await alertsFor("handover_reminder");
    expect(reminders.length).toBeGreaterThan(0);
    const mail = await test.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.handoverId, handoverId), eq(mailOutbox.template, "handover_reminder")));
    expect(mail.map((m) => m.toAddress)).toEqual(["aanmelden@swt-haarlem.example"]);
  });

  it("escalates to the region's aanspreekpunt once the deadline has passed, once, with an escalated event", async () => {
    expect(await watchAt("2026-12-04T08:00:00Z")).toEqual({ reminders: 0, escalations: 1 });
    expect(await watchAt("2026-12-04T08:00:00Z")).toEqual({ reminders: 0, escalations: 0 });
    const [hanna] = await test.db
      .select()
      .from(users)
      .where(eq(users.email, "coordinator.haarlem@vt-kennemerland.example"));
    const escalations = await alertsFor("handover_escalated");
    expect(escalations.map((n) => n.recipientUserId)).toEqual([hanna?.id]);
    const events = await test.db.select().from(outbox).where(eq(outbox.aggregateId, handoverId));
    const escalated = events.filter((e) => e.eventType === "nl.ketenportaal.handover.escalated.v1");
    expect(escalated).toHaveLength(1);
    expect(escalated[0]?.payload).toMatchObject({ deadlineKind: "acceptance", status: "offered" });
  });

  it("runs as a bridge task at most once per interval, on the clock it is given", async () => {
    let now = new Date("2026-12-04T08:00:00Z");
    const task = createDeadlineWatchTask({ config: testApiConfig, clock: () => now, intervalMs: 60_000 });
    await task.run({ db: test.db });
    now = new Date("2026-12-04T08:00:30Z");
    await task.run({ db: test.db });
    expect(await alertsFor("handover_escalated")).toHaveLength(1);
  });
});
