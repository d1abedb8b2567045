import { mailOutbox, notifications, organisations, users } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForUser, createTestClock, testApiConfig } from "../../testing/callers";
import { seedDemoRegion } from "../demo/seed-demo-region";
import { watchVvDeadlines } from "./watch-vv-deadlines";

let test: TestDatabase;
// Monday 30 November 2026, 10:00 in Amsterdam.
const MONDAY = new Date("2026-11-30T09:00:00Z");
const CONDITION_TEXT = "Vader komt niet onaangekondigd langs";

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
});
afterAll(async () => {
  await test?.drop();
});

describe("the V&V deadline watch", () => {
  it("reminds both workers of a due condition and monitoring moment once, and again once they are overdue", async () => {
    const clock = createTestClock(MONDAY);
    const vt = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
    const orgs = await test.db.select().from(organisations);
    const people = await test.db.select().from(users);
    const swt = orgs.find((o) => o.slug === "swt-haarlem")?.id ?? "";
    const vtWorker = people.find((p) => p.email === "medewerker@vt-kennemerland.example")?.id ?? "";
    const swtWorker = people.find((p) => p.email === "medewerker@swt-haarlem.example")?.id ?? "";
    const created = await vt.case.create({
      reference: "VT-2026-W001",
      municipalityCode: "GM0392",
      priority: "normal",
      reportedAt: new Date("2026-11-23T08:00:00Z"),
      safetyAssessmentCompleted: true,
      conclusion: "Zorgen.",
      persons: [{ role: "child", name: "Fenna Oosterhout", birthYear: 2016, spokenStatus: "spoken" }],
    });
    const trajectory = await vt.vv.create({
      caseId: created.id,
      partnerOrganisationId: swt,
      partnerWorkerUserId: swtWorker,
    });
    // Due Tuesday (the next working day) and a moment today: both due now; a condition next week is not.
    await vt.vv.addCondition({
      trajectoryId: trajectory.id,
      text: CONDITION_TEXT,
      owner: "household",
      dueOn: "2026-12-01",
    });
    await vt.vv.addCondition({ trajectoryId: trajectory.id, text: "Later", owner: "vt", dueOn: "2026-12-09" });
    await vt.vv.scheduleMonitoring({
      trajectoryId: trajectory.id,
      scheduledOn: "2026-11-30",
      attendeeUserIds: [vtWorker, swtWorker],
    });

    expect(await watchVvDeadlines({ db: test.db, now: MONDAY, config: testApiConfig })).toEqual({ notices: 2 });
    expect(await watchVvDeadlines({ db: test.db, now: MONDAY, config: testApiConfig })).toEqual({ notices: 0 });
    const due = await test.db.select().from(notifications).where(like(notifications.kind, "vv_%_due"));
    expect(due.map((n) => [n.kind, n.recipientUserId]).sort()).toEqual(
      [
        ["vv_condition_due", swtWorker],
        ["vv_condition_due", vtWorker],
        ["vv_monitoring_due", swtWorker],
        ["vv_monitoring_due", vtWorker],
      ].sort(),
    );

    const wednesday = new Date("2026-12-02T09:00:00Z");
    expect(await watchVvDeadlines({ db: test.db, now: wednesday, config: testApiConfig })).toEqual({ notices: 2 });
    const mails = await test.db.select().from(mailOutbox).where(like(mailOutbox.template, "vv_%"));
    expect(mails.map((m) => m.template).sort()).toEqual(
      [
        ...Array(2).fill("vv_condition_due"),
        ...Array(2).fill("vv_condition_overdue"),
        ...Array(2).fill("vv_monitoring_due"),
        ...Array(2).fill("vv_monitoring_overdue"),
      ].sort(),
    );
    for (const mail of mails) {
      expect(mail.bodyText).toContain(`https://ketenportaal.test/voorwaarden-en-vervolg/${trajectory.id}`);
      expect(`${mail.subject}${mail.bodyText}${mail.bodyHtml}`).not.toMatch(/Oosterhout|onaangekondigd|VT-2026/);
    }
    const swtCaller = await callerForUser({ db: test.db, email: "medewerker@swt-haarlem.example", clock });
    const notices = await swtCaller.notification.list({ limit: 20 });
    expect(notices.items.find((n) => n.kind === "vv_monitoring_overdue")).toMatchObject({
      vvTrajectoryId: trajectory.id,
      message: expect.stringContaining("nog niet vastgelegd"),
    });
  });
});
