import { auditLog, mailOutbox, melderAddresses, melderFeedback, outbox } from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForUser, createTestClock, type TestClock } from "../../testing/callers";
import { seedDemoRegion } from "../demo/seed-demo-region";

type Caller = Awaited<ReturnType<typeof callerForUser>>;

let test: TestDatabase;
let clock: TestClock;
let vt: Caller;
let coordinator: Caller;
let swtWorker: Caller;
let referenceCounter = 0;

// Monday 21 December 2026, 10:00 in Amsterdam: Christmas (25 and 26 December) lies ahead.
const MONDAY_BEFORE_CHRISTMAS = "2026-12-21T09:00:00Z";
const CHILD_NAME = "Noor Lindeboom";
const CONCLUSION = "Zorgen over de veiligheid van Noor; onderzoek door VT nodig.";

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  clock = createTestClock(MONDAY_BEFORE_CHRISTMAS);
  const as = (email: string) => callerForUser({ db: test.db, email, clock });
  [vt, coordinator, swtWorker] = await Promise.all([
    as("medewerker@vt-kennemerland.example"),
    as("coordinator.haarlem@vt-kennemerland.example"),
    as("medewerker@swt-haarlem.example"),
  ]);
}, 120_000);
afterAll(async () => {
  await test?.drop();
});

async function registerMelding(options: {
  reportedAt: string;
  municipalityCode?: string;
  factors?: Partial<Record<"urgent" | "childrenInHousehold" | "elderlyInHousehold" | "existingHelp", boolean>>;
  melderKind?: "professional" | "non_professional";
  melderEmail?: string | null;
}) {
  referenceCounter++;
  const reference = `VT-2026-M${String(referenceCounter).padStart(3, "0")}`;
  const created = await vt.case.create({
    reference,
    municipalityCode: options.municipalityCode ?? "GM0392",
    reportedAt: new Date(options.reportedAt),
    persons: [{ role: "child", name: CHILD_NAME, birthYear: 2017 }],
  });
  const recorded = await vt.case.melding.record({
    id: created.id,
    version: created.version,
    reportedAt: new Date(options.reportedAt),
    municipalityCode: options.municipalityCode ?? "GM0392",
    melderKind: options.melderKind ?? "professional",
    melderEmail: options.melderEmail ?? null,
    ...options.factors,
  });
  return { id: created.id, version: recorded.version, reference };
}

describe("the triage queue", () => {
  it("lists open assessments by working days left, overdue first, then by priority; paginated; VT only", async () => {
    // Thursday 10 December: due Thursday 17 December, two working days missed by Monday the 21st.
    const overdue = await registerMelding({ reportedAt: "2026-12-10T10:00:00Z" });
    // Friday 18 December: due Monday 28 December (Christmas on Friday and Saturday), 4 working days left.
    const normal = await registerMelding({ reportedAt: "2026-12-18T10:00:00Z", municipalityCode: "GM0453" });
    const high = await registerMelding({
      reportedAt: "2026-12-18T11:00:00Z",
      factors: { childrenInHousehold: true },
    });
    // Monday 21 December, spoed: due Tuesday 29 December.
    const acute = await registerMelding({ reportedAt: "2026-12-21T08:00:00Z", factors: { urgent: true } });
    const done = await registerMelding({ reportedAt: "2026-12-09T10:00:00Z" });
    await vt.case.melding.completeAssessment({ id: done.id, version: done.version, conclusion: CONCLUSION });

    const queue = await coordinator.case.triageQueue();
    expect(
      queue.items.map((item) => [
        item.id,
        item.safetyAssessmentDueOn,
        item.workingDaysLeft,
        item.overdue,
        item.priority,
      ]),
    ).toEqual([
      [overdue.id, "2026-12-17", -2, true, "normal"],
      [high.id, "2026-12-28", 4, false, "high"],
      [normal.id, "2026-12-28", 4, false, "normal"],
      [acute.id, "2026-12-29", 5, false, "acute"],
    ]);
    expect(queue.items[2]?.municipality).toEqual({ code: "GM0453", name: "Velsen" });
    // The row carries what the case list shows and the deadline: no persons, no conclusion.
    expect(JSON.stringify(queue)).not.toContain(CHILD_NAME);

    const first = await vt.case.triageQueue({ limit: 2 });
    expect(first.items.map((item) => item.id)).toEqual([overdue.id, high.id]);
    const second = await vt.case.triageQueue({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((item) => item.id)).toEqual([normal.id, acute.id]);
    expect(second.nextCursor).toBeNull();
    const velsen = await vt.case.triageQueue({ municipalityCode: "GM0453" });
    expect(velsen.items.map((item) => item.id)).toEqual([normal.id]);

    await expect(swtWorker.case.triageQueue()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the melding", () => {
  it("derives the priority from the factors and recomputes the due date from the receipt", async () => {
    const melding = await registerMelding({
      reportedAt: "2026-12-18T10:00:00Z",
      factors: { elderlyInHousehold: true, existingHelp: true },
      melderKind: "non_professional",
    });
    const detail = await vt.case.melding.get({ id: melding.id });
    expect(detail).toMatchObject({
      priority: "normal",
      melderKind: "non_professional",
      melderEmail: null,
      safetyAssessmentDueOn: "2026-12-28",
      workingDaysLeft: 4,
      factors: { urgent: false, childrenInHousehold: false, elderlyInHousehold: true, existingHelp: true },
    });
    await expect(
      vt.case.melding.record({
        id: melding.id,
        version: detail.version,
        reportedAt: new Date("2026-12-18T10:00:00Z"),
        municipalityCode: "GM0392",
        melderKind: "non_professional",
        melderEmail: "buurman@example.org",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      vt.case.melding.record({
        id: melding.id,
        version: detail.version - 1,
        reportedAt: new Date("2026-12-18T10:00:00Z"),
        municipalityCode: "GM0392",
        melderKind: "non_professional",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("the investigation", () => {
  it("is due 10 weeks after it starts, on the working day before Christmas, and follows the assessment", async () => {
    clock.set("2026-10-16T08:00:00Z");
    try {
      const melding = await registerMelding({ reportedAt: "2026-10-12T09:00:00Z" });
      await expect(
        vt.case.melding.startInvestigation({ id: melding.id, version: melding.version }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
      const assessed = await vt.case.melding.completeAssessment({
        id: melding.id,
        version: melding.version,
        conclusion: CONCLUSION,
      });
      // Friday 16 October + 10 weeks is Eerste Kerstdag: due the Thursday before.
      const started = await vt.case.melding.startInvestigation({ id: melding.id, version: assessed.version });
      const detail = await vt.case.melding.get({ id: melding.id });
      expect(detail.investigation).toMatchObject({ dueOn: "2026-12-24", finishedAt: null });
      expect(detail.workingDaysLeft).toBeNull();
      const [event] = await test.db
        .select()
        .from(outbox)
        .where(
          and(
            eq(outbox.aggregateId, melding.id),
            eq(outbox.eventType, "nl.ketenportaal.case.investigation_started.v1"),
          ),
        );
      expect(event?.payload).toMatchObject({ caseId: melding.id, investigationDueOn: "2026-12-24" });
      expect(event?.topic).toBe("ketenportaal.cases");
      await vt.case.melding.finishInvestigation({ id: melding.id, version: started.version });
      expect((await vt.case.melding.get({ id: melding.id })).investigation?.finishedAt).toBeInstanceOf(Date);
    } finally {
      clock.set(MONDAY_BEFORE_CHRISTMAS);
    }
  });
});

describe("terugkoppeling aan de melder", () => {
  it("records the step and queues a mail without case content; event and audit name ids only", async () => {
    const email = "zorgcoordinator@basisschool-de-linde.example";
    const melding = await registerMelding({
      reportedAt: "2026-12-14T10:00:00Z",
      factors: { childrenInHousehold: true },
      melderEmail: email,
    });
    const assessed = await vt.case.melding.completeAssessment({
      id: melding.id,
      version: melding.version,
      conclusion: CONCLUSION,
    });
    const result = await vt.case.melding.recordFeedback({
      id: melding.id,
      version: assessed.version,
      step: "assessment_completed",
    });
    expect(result.mailQueued).toBe(true);

    const mails = await test.db.select().from(mailOutbox).where(eq(mailOutbox.template, "melder_feedback"));
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail?.toAddress).toBe(email);
    const content = `${mail?.subject}\n${mail?.bodyText}\n${mail?.bodyHtml}`;
    expect(content).toContain("Veilig Thuis Kennemerland");
    for (const caseContent of [melding.reference, CHILD_NAME, "Noor", CONCLUSION, "Haarlem", "GM0392", melding.id]) {
      expect(content).not.toContain(caseContent);
    }
    expect(mail?.handoverId).toBeNull();

    const events = await test.db
      .select()
      .from(outbox)
      .where(eq(outbox.aggregateId, melding.id))
      .orderBy(asc(outbox.position));
    expect(events.map((e) => e.eventType)).toEqual([
      "nl.ketenportaal.case.melding_recorded.v1",
      "nl.ketenportaal.case.assessment_completed.v1",
      "nl.ketenportaal.case.melder_feedback_given.v1",
    ]);
    expect(events.map((e) => e.sequence)).toEqual([2, 3, 4]);
    expect(events.at(-1)?.payload).toMatchObject({
      feedbackId: result.feedbackId,
      feedbackStep: "assessment_completed",
      mailQueued: true,
    });
    const everything = JSON.stringify({ events, audit: await test.db.select().from(auditLog) });
    expect(everything).not.toContain(email);
    expect(everything).not.toContain(CONCLUSION);
    const [audit] = await test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "case.melder_feedback"), eq(auditLog.objectId, result.feedbackId)));
    expect(audit).toMatchObject({ caseId: melding.id, action: "create", outcome: "success", purpose: "triage" });

    const detail = await vt.case.melding.get({ id: melding.id });
    expect(detail.melderEmail).toBe(email);
    expect(detail.feedback).toEqual([
      { id: result.feedbackId, step: "assessment_completed", givenOn: "2026-12-21", mailQueued: true },
    ]);
  });

  it("records feedback without a mail when no address is known, and refuses it for a citizen melder", async () => {
    const professional = await registerMelding({ reportedAt: "2026-12-14T10:00:00Z" });
    const before = await test.db.select().from(mailOutbox).where(eq(mailOutbox.template, "melder_feedback"));
    const result = await vt.case.melding.recordFeedback({
      id: professional.id,
      version: professional.version,
      step: "investigation_started",
      givenOn: "2026-12-18",
    });
    expect(result.mailQueued).toBe(false);
    const after = await test.db.select().from(mailOutbox).where(eq(mailOutbox.template, "melder_feedback"));
    expect(after).toHaveLength(before.length);

    const citizen = await registerMelding({ reportedAt: "2026-12-14T10:00:00Z", melderKind: "non_professional" });
    await expect(
      vt.case.melding.recordFeedback({ id: citizen.id, version: citizen.version, step: "assessment_completed" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      swtWorker.case.melding.recordFeedback({ id: citizen.id, version: citizen.version, step: "case_closed" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("goes with the file when it is destroyed (kp_destroy_case, the retention task)", async () => {
    const before = await test.db.select().from(mailOutbox);
    const melding = await registerMelding({
      reportedAt: "2026-12-14T10:00:00Z",
      melderEmail: "wijkagent@politie.example",
    });
    await vt.case.melding.recordFeedback({ id: melding.id, version: melding.version, step: "case_closed" });
    expect(await test.db.select().from(mailOutbox)).toHaveLength(before.length + 1);
    await withSystemTask(test.db, { task: "retention", requestId: "melding-test" }, (tx) =>
      tx.execute(sql`select kp_destroy_case(${melding.id}::uuid)`),
    );
    expect(await test.db.select().from(melderAddresses).where(eq(melderAddresses.caseId, melding.id))).toEqual([]);
    expect(await test.db.select().from(melderFeedback).where(eq(melderFeedback.caseId, melding.id))).toEqual([]);
    // The terugkoppeling mail named the melder as its recipient: it goes too (migration 0018).
    expect(
      await test.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "wijkagent@politie.example")),
    ).toEqual([]);
  });
});
