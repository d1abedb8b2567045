import { auditLog, caseChangeSignals, executeRows, notifications, outbox, users } from "@ketenportaal/db";
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
let admin: Caller;
let swtWorker: Caller;
let gemeente: Caller;
let referenceCounter = 0;

// Monday 21 December 2026, 10:00 in Amsterdam: Christmas (25 and 26 December) lies ahead.
const MONDAY_BEFORE_CHRISTMAS = "2026-12-21T09:00:00Z";
const OUTCOME = "Moeder gesproken; situatie stabiel, Noor gaat naar school.";
const SIGNAL = "School meldt nieuw incident met Noor op het schoolplein.";

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  clock = createTestClock(MONDAY_BEFORE_CHRISTMAS);
  const as = (email: string) => callerForUser({ db: test.db, email, clock });
  [vt, coordinator, admin, swtWorker, gemeente] = await Promise.all([
    as("medewerker@vt-kennemerland.example"),
    as("coordinator.haarlem@vt-kennemerland.example"),
    as("beheer@vt-kennemerland.example"),
    as("medewerker@swt-haarlem.example"),
    as("beleid@gemeente-haarlem.example"),
  ]);
}, 120_000);
afterAll(async () => {
  await test?.drop();
});

/** A melding received on `reportedAt` whose assessment is complete. */
async function assessedCase(options: {
  reportedAt: string;
  municipalityCode?: string;
  factors?: Partial<Record<"urgent" | "childrenInHousehold" | "elderlyInHousehold" | "existingHelp", boolean>>;
}) {
  referenceCounter++;
  const reference = `VT-2026-W${String(referenceCounter).padStart(3, "0")}`;
  const municipalityCode = options.municipalityCode ?? "GM0392";
  const created = await vt.case.create({
    reference,
    municipalityCode,
    reportedAt: new Date(options.reportedAt),
    persons: [{ role: "child", name: "Noor Lindeboom", birthYear: 2017 }],
  });
  const recorded = await vt.case.melding.record({
    id: created.id,
    version: created.version,
    reportedAt: new Date(options.reportedAt),
    municipalityCode,
    melderKind: "professional",
    ...options.factors,
  });
  const assessed = await vt.case.melding.completeAssessment({
    id: created.id,
    version: recorded.version,
    conclusion: "Zorgen; inzet van VT nodig, wacht op capaciteit.",
  });
  return { id: created.id, version: assessed.version, reference };
}

async function eventsOf(caseId: string) {
  return test.db
    .select({ type: outbox.eventType, payload: outbox.payload })
    .from(outbox)
    .where(eq(outbox.aggregateId, caseId))
    .orderBy(asc(outbox.position));
}

describe("putting a case on the wachtlijst", () => {
  it("takes the priority from the factors and sets the first contact one frequency later, across Christmas", async () => {
    clock.set(MONDAY_BEFORE_CHRISTMAS);
    const high = await assessedCase({ reportedAt: "2026-12-14T10:00:00Z", factors: { childrenInHousehold: true } });
    const entered = await vt.waitingList.enter({ id: high.id, version: high.version });
    // High: 5 working days from Monday 21 December is Tuesday 29 December (25 and 26 December are holidays).
    expect(entered.nextContactDueOn).toBe("2026-12-29");
    const list = await vt.waitingList.list();
    const item = list.items.find((i) => i.id === high.id);
    expect(item).toMatchObject({
      waitingPriority: "high",
      enteredOn: "2026-12-21",
      waitingWorkingDays: 0,
      nextContactDueOn: "2026-12-29",
      workingDaysLeft: 5,
      overdue: false,
      municipality: { code: "GM0392", name: "Haarlem" },
      region: { name: "Haarlem e.o." },
      lastContact: null,
    });
    // Once is enough.
    await expect(vt.waitingList.enter({ id: high.id, version: entered.version })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Deze casus staat al op de wachtlijst.",
    });
    const events = await eventsOf(high.id);
    const last = events.at(-1);
    expect(last?.type).toBe("nl.ketenportaal.case.waiting_list_entered.v1");
    expect(last?.payload).toMatchObject({ waitingListEntryId: entered.entryId, nextContactDueOn: "2026-12-29" });
    expect(JSON.stringify(last?.payload)).not.toContain("Noor");
  });

  it("refuses an acute or spoed case with a clear Dutch message, and a case whose assessment is open", async () => {
    clock.set(MONDAY_BEFORE_CHRISTMAS);
    const acute = await assessedCase({ reportedAt: "2026-12-18T10:00:00Z", factors: { urgent: true } });
    await expect(vt.waitingList.enter({ id: acute.id, version: acute.version })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/acute zaak of spoedzaak komt niet op de wachtlijst/),
    });
    const list = await vt.waitingList.list();
    expect(list.items.map((i) => i.id)).not.toContain(acute.id);
    const [row] = await executeRows<{ n: number }>(
      test.db,
      sql`select count(*)::int as n from waiting_list_entries where case_id = ${acute.id}`,
    );
    expect(row?.n).toBe(0);
  });

  it("is VT's: a partner and a gemeente are refused and see nothing", async () => {
    clock.set(MONDAY_BEFORE_CHRISTMAS);
    const normal = await assessedCase({ reportedAt: "2026-12-15T10:00:00Z" });
    await vt.waitingList.enter({ id: normal.id, version: normal.version });
    for (const outsider of [swtWorker, gemeente]) {
      await expect(outsider.waitingList.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        outsider.waitingList.recordChangeSignal({
          id: normal.id,
          version: normal.version + 1,
          source: "partner",
          kind: "other",
          description: "x",
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("contact moments", () => {
  it("records a letter as a contact, computes the next moment from it and marks a missed one overdue", async () => {
    clock.set("2026-12-01T09:00:00Z");
    // Normal priority (children, hulpverlening present): every 10 working days.
    const waiting = await assessedCase({
      reportedAt: "2026-11-25T10:00:00Z",
      factors: { childrenInHousehold: true, existingHelp: true },
    });
    const entered = await vt.waitingList.enter({ id: waiting.id, version: waiting.version });
    expect(entered.nextContactDueOn).toBe("2026-12-15");

    // Wednesday 16 December: the contact of the 15th was missed.
    clock.set("2026-12-16T09:00:00Z");
    let item = (await vt.waitingList.list()).items.find((i) => i.id === waiting.id);
    expect(item).toMatchObject({ overdue: true, workingDaysLeft: -1, waitingWorkingDays: 11 });
    expect((await vt.waitingList.list()).items[0]?.overdue).toBe(true);

    const bad = vt.waitingList.recordContact({
      id: waiting.id,
      version: entered.version,
      way: "phone",
      outcome: OUTCOME,
      contactedOn: "2026-12-17",
    });
    await expect(bad).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const letter = await vt.waitingList.recordContact({
      id: waiting.id,
      version: entered.version,
      way: "letter",
      outcome: "Brief: het gezin wacht langer dan gebruikelijk op inzet van VT.",
    });
    // 10 working days from Wednesday 16 December, Christmas not counted: Thursday 31 December.
    expect(letter.nextContactDueOn).toBe("2026-12-31");
    item = (await vt.waitingList.list()).items.find((i) => i.id === waiting.id);
    expect(item).toMatchObject({ overdue: false, lastContact: { way: "letter", contactedOn: "2026-12-16" } });

    // A stale version is a conflict and changes nothing.
    await expect(
      vt.waitingList.recordContact({ id: waiting.id, version: entered.version, way: "phone", outcome: OUTCOME }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const events = await eventsOf(waiting.id);
    const contactEvent = events.at(-1);
    expect(contactEvent?.type).toBe("nl.ketenportaal.case.waiting_list_contact_recorded.v1");
    expect(contactEvent?.payload).toMatchObject({ contactId: letter.contactId, contactWay: "letter" });
    expect(JSON.stringify(contactEvent?.payload)).not.toContain("Brief");

    // Service started: the case leaves the list; that is recorded too.
    const left = await vt.waitingList.leave({ id: waiting.id, version: letter.version, reason: "service_started" });
    expect((await vt.waitingList.list()).items.map((i) => i.id)).not.toContain(waiting.id);
    expect((await eventsOf(waiting.id)).at(-1)?.payload).toMatchObject({ leftReason: "service_started" });
    await expect(
      vt.waitingList.recordContact({ id: waiting.id, version: left.version, way: "phone", outcome: OUTCOME }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "Deze casus staat niet (meer) op de wachtlijst." });
  });

  it("uses a region's own frequency, set by VT's functioneel beheerder, for moments computed from then on", async () => {
    clock.set("2026-11-30T09:00:00Z");
    const before = await assessedCase({ reportedAt: "2026-11-20T10:00:00Z", municipalityCode: "GM0453" });
    const enteredBefore = await vt.waitingList.enter({ id: before.id, version: before.version });
    expect(enteredBefore.nextContactDueOn).toBe("2026-12-14");

    const overview = await admin.admin.regions.contactFrequencies();
    const ijmond = overview.regions.find((r) => r.name === "IJmond");
    if (!ijmond) throw new Error("demo region missing");
    expect(ijmond).toMatchObject({ frequencies: { high: 5, normal: 10, low: 20 }, custom: false });
    await expect(
      admin.admin.regions.setContactFrequencies({ regionId: ijmond.id, frequencies: { high: 0, normal: 10, low: 20 } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      vt.admin.regions.setContactFrequencies({ regionId: ijmond.id, frequencies: { high: 3, normal: 5, low: 10 } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await admin.admin.regions.setContactFrequencies({
      regionId: ijmond.id,
      frequencies: { high: 3, normal: 5, low: 10 },
    });

    // The entry made before keeps its moment; a new one and the next contact use 5 working days.
    const after = await assessedCase({ reportedAt: "2026-11-20T11:00:00Z", municipalityCode: "GM0453" });
    const enteredAfter = await vt.waitingList.enter({ id: after.id, version: after.version });
    expect(enteredAfter.nextContactDueOn).toBe("2026-12-07");
    const list = await vt.waitingList.list({ municipalityCode: "GM0453" });
    expect(list.items.find((i) => i.id === before.id)?.nextContactDueOn).toBe("2026-12-14");
    const contact = await vt.waitingList.recordContact({
      id: before.id,
      version: enteredBefore.version,
      way: "visit",
      outcome: OUTCOME,
    });
    expect(contact.nextContactDueOn).toBe("2026-12-07");

    // Split by region and gemeente: IJmond holds both, Haarlem e.o. neither.
    expect(list.items.map((i) => i.municipality.code)).toEqual(["GM0453", "GM0453"]);
    const byRegion = await vt.waitingList.list({ regionId: ijmond.id });
    expect(byRegion.items.map((i) => i.id).sort()).toEqual([before.id, after.id].sort());
    const haarlem = overview.regions.find((r) => r.name === "Haarlem e.o.");
    const other = await vt.waitingList.list({ regionId: haarlem?.id });
    expect(other.items.map((i) => i.id)).not.toContain(before.id);
  });
});

describe("a change signal", () => {
  it("re-opens triage: back in the triage queue, due 5 working days later, the teamcoördinator notified", async () => {
    clock.set(MONDAY_BEFORE_CHRISTMAS);
    const waiting = await assessedCase({ reportedAt: "2026-12-07T10:00:00Z" });
    const entered = await vt.waitingList.enter({ id: waiting.id, version: waiting.version });
    expect((await coordinator.case.triageQueue()).items.map((i) => i.id)).not.toContain(waiting.id);

    await expect(
      vt.waitingList.recordChangeSignal({
        id: waiting.id,
        version: entered.version,
        source: "melder",
        kind: "new_incident",
        description: "",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const signal = await vt.waitingList.recordChangeSignal({
      id: waiting.id,
      version: entered.version,
      source: "melder",
      kind: "new_incident",
      description: SIGNAL,
    });
    expect(signal).toMatchObject({ reassessmentDueOn: "2026-12-29", notified: true });

    const queue = await coordinator.case.triageQueue();
    expect(queue.items.find((i) => i.id === waiting.id)).toMatchObject({
      safetyAssessmentDueOn: "2026-12-29",
      workingDaysLeft: 5,
      overdue: false,
    });
    // Still waiting for a service; the list says triage is open again.
    const item = (await vt.waitingList.list()).items.find((i) => i.id === waiting.id);
    expect(item).toMatchObject({
      triageReopened: { dueOn: "2026-12-29" },
      latestChangeSignal: { source: "melder", kind: "new_incident", receivedOn: "2026-12-21" },
    });

    // The region's teamcoördinator (Haarlem e.o.) hears of it, without the description.
    const [haarlemCoordinator] = await test.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "coordinator.haarlem@vt-kennemerland.example"));
    const rows = await test.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.recipientUserId, haarlemCoordinator?.id ?? ""),
          eq(notifications.kind, "change_signal_received"),
        ),
      );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0]?.params)).not.toContain("incident met Noor");
    const notices = await coordinator.notification.list();
    expect(notices.items.find((n) => n.kind === "change_signal_received")?.triageCaseId).toBe(waiting.id);
    expect(notices.items.map((n) => n.message)).toContain(
      `Veranderingssignaal bij casus ${waiting.reference}: de triage is heropend, de veiligheidsbeoordeling moet uiterlijk 2026-12-29 klaar zijn.`,
    );

    // The signal is on the case: the previous assessment's completion kept, the description only in VT's record.
    const [stored] = await test.db.select().from(caseChangeSignals).where(eq(caseChangeSignals.caseId, waiting.id));
    expect(stored).toMatchObject({ source: "melder", kind: "new_incident", description: SIGNAL });
    expect(stored?.previousAssessmentCompletedAt).not.toBeNull();
    const event = (await eventsOf(waiting.id)).at(-1);
    expect(event?.type).toBe("nl.ketenportaal.case.change_signal_recorded.v1");
    expect(event?.payload).toMatchObject({ changeSignalSource: "melder", changeSignalKind: "new_incident" });
    expect(JSON.stringify(event?.payload)).not.toContain("incident met");
    const audits = await test.db
      .select({ objectType: auditLog.objectType, action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.caseId, waiting.id), eq(auditLog.purpose, "waiting_list")));
    expect(audits).toEqual(
      expect.arrayContaining([
        { objectType: "case.waiting_list", action: "create" },
        { objectType: "case.change_signal", action: "create" },
      ]),
    );

    // When the file is destroyed (the retention task), its wachtlijst and the notice naming it go with it.
    const doomed = await assessedCase({ reportedAt: "2026-12-07T11:00:00Z" });
    const doomedEntry = await vt.waitingList.enter({ id: doomed.id, version: doomed.version });
    const doomedContact = await vt.waitingList.recordContact({
      id: doomed.id,
      version: doomedEntry.version,
      way: "phone",
      outcome: OUTCOME,
    });
    await vt.waitingList.recordChangeSignal({
      id: doomed.id,
      version: doomedContact.version,
      source: "household",
      kind: "other",
      description: SIGNAL,
    });
    await withSystemTask(test.db, { task: "retention", requestId: "waiting-list-test" }, (tx) =>
      tx.execute(sql`select kp_destroy_case(${doomed.id}::uuid)`),
    );
    const [left] = await executeRows<Record<string, number>>(
      test.db,
      sql`select (select count(*)::int from waiting_list_entries where case_id = ${doomed.id}) as entries,
                 (select count(*)::int from waiting_list_contacts where case_id = ${doomed.id}) as contacts,
                 (select count(*)::int from case_change_signals where case_id = ${doomed.id}) as signals,
                 (select count(*)::int from notifications where params->>'caseReference' = ${doomed.reference}) as notices`,
    );
    expect(left).toEqual({ entries: 0, contacts: 0, signals: 0, notices: 0 });

    // Re-assessed: out of the triage queue again.
    await vt.case.melding.completeAssessment({
      id: waiting.id,
      version: signal.version,
      conclusion: "Blijft wachten.",
    });
    expect((await coordinator.case.triageQueue()).items.map((i) => i.id)).not.toContain(waiting.id);
  });
});
