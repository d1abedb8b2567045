import { auditLog, organisations, outbox, users } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForUser, createTestClock, type TestClock } from "../../testing/callers";
import { demoUsers } from "../demo/demo-region";
import { seedDemoRegion } from "../demo/seed-demo-region";

type Caller = Awaited<ReturnType<typeof callerForUser>>;

let test: TestDatabase;
let clock: TestClock;
let vt: Caller;
let coordinator: Caller;
let swtWorker: Caller;
let jbWorker: Caller;
let velsenWorker: Caller;
let gemeente: Caller;
const ids = { vt: "", swt: "", jb: "", velsen: "" };
const people = { vtWorker: "", coordinator: "", swtWorker: "", swtCoordinator: "", jbWorker: "" };
let referenceCounter = 0;

// Monday 30 November 2026, 10:00 in Amsterdam.
const MONDAY = "2026-11-30T09:00:00Z";
const HOUSEHOLD_NAMES = ["Fenna Oosterhout", "Ruud Oosterhout"];
const CONDITION_TEXT = "Vader verblijft tijdelijk bij zijn broer en komt niet onaangekondigd langs";
const NOTE_TEXT = "Moeder bevestigt dat de afspraak wordt nagekomen";

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  clock = createTestClock(MONDAY);
  const as = (email: string) => callerForUser({ db: test.db, email, clock });
  [vt, coordinator, swtWorker, jbWorker, velsenWorker, gemeente] = await Promise.all([
    as("medewerker@vt-kennemerland.example"),
    as("coordinator.haarlem@vt-kennemerland.example"),
    as("medewerker@swt-haarlem.example"),
    as("medewerker@jb-kennemerland.example"),
    as("medewerker@wijkteam-velsen.example"),
    as("beleid@gemeente-haarlem.example"),
  ]);
  const orgs = await test.db.select().from(organisations);
  const org = (slug: string) => orgs.find((o) => o.slug === slug)?.id ?? "";
  ids.vt = org("vt-kennemerland");
  ids.swt = org("swt-haarlem");
  ids.jb = org("jb-kennemerland");
  ids.velsen = org("wijkteam-velsen");
  const userRows = await test.db.select().from(users);
  const user = (email: string) => userRows.find((u) => u.email === email)?.id ?? "";
  people.vtWorker = user("medewerker@vt-kennemerland.example");
  people.coordinator = user("coordinator.haarlem@vt-kennemerland.example");
  people.swtWorker = user("medewerker@swt-haarlem.example");
  people.swtCoordinator = user("coordinator@swt-haarlem.example");
  people.jbWorker = user("medewerker@jb-kennemerland.example");
});
afterAll(async () => {
  await test?.drop();
});

async function registerCase() {
  referenceCounter++;
  const created = await vt.case.create({
    reference: `VT-2026-V${String(referenceCounter).padStart(3, "0")}`,
    municipalityCode: "GM0392",
    priority: "normal",
    reportedAt: new Date("2026-11-23T08:00:00Z"),
    safetyAssessmentCompleted: true,
    conclusion: "Structurele zorgen; samen met het wijkteam voorwaarden stellen.",
    persons: HOUSEHOLD_NAMES.map((name, index) => ({
      role: index === 0 ? ("child" as const) : ("parent" as const),
      name,
      birthYear: index === 0 ? 2016 : 1984,
      spokenStatus: "spoken" as const,
    })),
  });
  return created.id;
}

async function openWithSwt() {
  const caseId = await registerCase();
  const trajectory = await vt.vv.create({
    caseId,
    partnerOrganisationId: ids.swt,
    partnerWorkerUserId: people.swtWorker,
  });
  return { ...trajectory, caseId };
}

describe("opening a V&V trajectory", () => {
  it("is never VT alone: a partner organisation with a named worker is required", async () => {
    const caseId = await registerCase();
    await expect(vt.vv.create({ caseId, partnerOrganisationId: ids.swt })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { partnerWorkerUserId: [expect.stringContaining("nooit alleen")] } },
    });
    await expect(vt.vv.create({ caseId, partnerWorkerUserId: people.swtWorker })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { partnerOrganisationId: [expect.any(String)] } },
    });
    await expect(
      vt.vv.create({ caseId, partnerOrganisationId: ids.swt, partnerWorkerUserId: people.jbWorker }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { partnerWorkerUserId: [expect.any(String)] } },
    });
    await expect(
      vt.vv.create({ caseId, partnerOrganisationId: ids.vt, partnerWorkerUserId: people.coordinator }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      swtWorker.vv.create({ caseId, partnerOrganisationId: ids.swt, partnerWorkerUserId: people.swtWorker }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const opened = await vt.vv.create({
      caseId,
      partnerOrganisationId: ids.swt,
      partnerWorkerUserId: people.swtWorker,
    });
    expect(opened).toMatchObject({ status: "open", version: 1 });
    await expect(
      vt.vv.create({ caseId, partnerOrganisationId: ids.swt, partnerWorkerUserId: people.swtWorker }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const detail = await swtWorker.vv.get({ id: opened.id });
    expect(detail).toMatchObject({
      side: "partner",
      vtWorker: { id: people.vtWorker },
      partnerWorker: { id: people.swtWorker },
      partnerOrganisation: { id: ids.swt },
    });
    expect(detail.timeline.map((e) => [e.kind, e.author.organisation])).toEqual([
      ["opened", "Veilig Thuis Kennemerland"],
    ]);
    const notices = await swtWorker.notification.list({ limit: 10 });
    expect(notices.items[0]).toMatchObject({ kind: "vv_opened", vvTrajectoryId: opened.id, handoverId: null });
    expect(notices.items[0]?.message).toContain("V&V-traject geopend");
  });

  it("is visible to VT and the partner on it only, and every read is on record", async () => {
    const { id, caseId } = await openWithSwt();
    expect((await swtWorker.vv.list()).items.map((t) => t.id)).toContain(id);
    expect((await vt.vv.list({ mine: true })).items.map((t) => t.id)).toContain(id);
    expect((await coordinator.vv.list({ mine: true })).items.map((t) => t.id)).not.toContain(id);
    expect((await coordinator.vv.list()).items.map((t) => t.id)).toContain(id);
    expect((await velsenWorker.vv.list()).items).toEqual([]);
    await expect(velsenWorker.vv.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(jbWorker.vv.get({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(jbWorker.vv.addTimelineEntry({ trajectoryId: id, text: "Mag ik meelezen?" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(gemeente.vv.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await swtWorker.vv.get({ id });
    const reads = await test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "read"), eq(auditLog.objectId, id), eq(auditLog.outcome, "success")));
    expect(reads).toEqual([
      expect.objectContaining({ caseId, organisationId: ids.swt, objectType: "vv_trajectory", purpose: "vv" }),
    ]);
  });
});

describe("form options", () => {
  it("lists organisations with their caseworkers for both sides, and nothing for others", async () => {
    const options = await swtWorker.vv.formOptions();
    expect(options.organisations.find((o) => o.id === ids.vt)?.people.map((p) => p.id)).toContain(people.vtWorker);
    await expect(gemeente.vv.formOptions()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("working a trajectory", () => {
  it("runs through conditions, a monitoring moment and a shared timeline to a close with a follow-up owner", async () => {
    clock.set(MONDAY);
    const trajectory = await openWithSwt();
    const first = await vt.vv.addCondition({
      trajectoryId: trajectory.id,
      text: CONDITION_TEXT,
      owner: "household",
      dueOn: "2026-12-04",
    });
    const second = await swtWorker.vv.addCondition({
      trajectoryId: trajectory.id,
      text: "Wijkteam start opvoedondersteuning",
      owner: "partner",
      dueOn: "2026-12-11",
    });
    const third = await vt.vv.addCondition({
      trajectoryId: trajectory.id,
      text: "Veilig Thuis spreekt de school",
      owner: "vt",
      dueOn: "2026-12-02",
    });

    // Every change has a note; not every change is allowed.
    await expect(
      swtWorker.vv.updateCondition({ id: second.id, version: second.version, status: "met", note: "" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const secondMet = await swtWorker.vv.updateCondition({
      id: second.id,
      version: second.version,
      status: "met",
      note: "Eerste gesprek gevoerd.",
    });
    expect(secondMet).toMatchObject({ status: "met", version: 2 });
    await expect(
      vt.vv.updateCondition({ id: second.id, version: second.version, status: "dropped", note: "Oud" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const thirdDropped = await vt.vv.updateCondition({
      id: third.id,
      version: third.version,
      status: "dropped",
      note: "School is al betrokken via het wijkteam.",
    });
    await expect(
      vt.vv.updateCondition({ id: third.id, version: thirdDropped.version, status: "open", note: "Toch wel" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("vervallen") });

    // Monitoring: planned today or later, overdue once its day has passed unrecorded.
    await expect(
      vt.vv.scheduleMonitoring({
        trajectoryId: trajectory.id,
        scheduledOn: "2026-11-27",
        attendeeUserIds: [people.vtWorker],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      vt.vv.scheduleMonitoring({
        trajectoryId: trajectory.id,
        scheduledOn: "2026-12-02",
        attendeeUserIds: [people.jbWorker],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { attendeeUserIds: [expect.any(String)] } } });
    const moment = await vt.vv.scheduleMonitoring({
      trajectoryId: trajectory.id,
      scheduledOn: "2026-12-02",
      attendeeUserIds: [people.vtWorker, people.swtWorker],
    });
    await expect(
      swtWorker.vv.recordMonitoring({ id: moment.id, version: moment.version, outcome: "Te vroeg", assessments: [] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("op of na de geplande datum") });

    clock.set("2026-12-07T09:00:00Z");
    const overdue = await swtWorker.vv.get({ id: trajectory.id });
    expect(overdue.monitoringMoments[0]).toMatchObject({ state: "overdue", attendees: [{}, {}] });
    expect(overdue.conditions.find((c) => c.id === first.id)?.overdue).toBe(true);
    expect(overdue).toMatchObject({ overdueMonitoringCount: 1, overdueConditionCount: 1 });
    const calm = await openWithSwt();
    const listed = await swtWorker.vv.list({ status: "open" });
    expect(listed.items[0]?.id).toBe(trajectory.id);
    expect(listed.items.map((t) => t.id)).toContain(calm.id);

    const recorded = await swtWorker.vv.recordMonitoring({
      id: moment.id,
      version: moment.version,
      outcome: "Rustig thuis; afspraken lopen.",
      assessments: [
        { conditionId: first.id, status: "met", note: NOTE_TEXT },
        { conditionId: second.id, status: "met" },
      ],
    });
    expect(recorded.version).toBe(2);
    await expect(
      swtWorker.vv.recordMonitoring({ id: moment.id, version: recorded.version, outcome: "Nogmaals", assessments: [] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("al vastgelegd") });

    await swtWorker.vv.addTimelineEntry({ trajectoryId: trajectory.id, text: "Huisbezoek samen met VT gepland." });

    const detail = await vt.vv.get({ id: trajectory.id });
    expect(detail.monitoringMoments[0]).toMatchObject({
      state: "recorded",
      outcome: "Rustig thuis; afspraken lopen.",
      assessments: expect.arrayContaining([expect.objectContaining({ conditionId: first.id, status: "met" })]),
    });
    const firstCondition = detail.conditions.find((c) => c.id === first.id);
    expect(firstCondition?.history.map((h) => [h.fromStatus, h.toStatus, h.author.organisation])).toEqual([
      [null, "open", "Veilig Thuis Kennemerland"],
      ["open", "met", "Sociaal Wijkteam Haarlem"],
    ]);
    expect(firstCondition?.history[1]).toMatchObject({ note: NOTE_TEXT, monitoringMomentId: moment.id });
    expect(detail.conditions.find((c) => c.id === third.id)?.history[1]).toMatchObject({
      toStatus: "dropped",
      note: "School is al betrokken via het wijkteam.",
      author: { name: "Mira de Vries" },
    });
    expect(detail.timeline.map((e) => e.kind)).toEqual([
      "opened",
      "condition_added",
      "condition_added",
      "condition_added",
      "condition_changed",
      "condition_changed",
      "monitoring_scheduled",
      "condition_changed",
      "monitoring_recorded",
      "note",
    ]);
    expect(detail.timeline.at(-1)).toMatchObject({
      text: "Huisbezoek samen met VT gepland.",
      author: { name: "Sanne Visser", organisation: "Sociaal Wijkteam Haarlem" },
    });

    // Close: no open conditions, a follow-up owner who fits the outcome, never a waiting list.
    const open = await vt.vv.addCondition({
      trajectoryId: trajectory.id,
      text: "Ouders volgen een cursus",
      owner: "household",
      dueOn: "2027-01-15",
    });
    const current = await vt.vv.get({ id: trajectory.id });
    const close = {
      id: trajectory.id,
      version: current.version,
      outcomeCode: "continued_by_partner" as const,
      followUpOrganisationId: ids.swt,
      followUpUserId: people.swtCoordinator,
    };
    await expect(vt.vv.close(close)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { conditions: [expect.stringContaining("1 voorwaarde open")] } },
    });
    await vt.vv.updateCondition({ id: open.id, version: open.version, status: "dropped", note: "Niet meer nodig." });
    const fresh = (await vt.vv.get({ id: trajectory.id })).version;
    await expect(
      vt.vv.close({ ...close, version: fresh, followUpOrganisationId: ids.vt, followUpUserId: people.vtWorker }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("wachtlijst") });
    await expect(vt.vv.close({ ...close, version: fresh, followUpUserId: people.jbWorker })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { followUpUserId: [expect.any(String)] } },
    });
    await expect(vt.vv.close({ ...close, version: fresh - 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    const closed = await swtWorker.vv.close({ ...close, version: fresh, outcomeText: "Wijkteam blijft betrokken." });
    expect(closed.status).toBe("closed");
    await expect(vt.vv.addTimelineEntry({ trajectoryId: trajectory.id, text: "Nog iets" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("afgesloten"),
    });
    const final = await vt.vv.get({ id: trajectory.id });
    expect(final).toMatchObject({
      status: "closed",
      outcomeCode: "continued_by_partner",
      followUp: { organisation: { id: ids.swt }, person: { id: people.swtCoordinator } },
      allowedActions: [],
      overdueConditionCount: 0,
    });
    expect(final.timeline.at(-1)?.kind).toBe("closed");

    // Events: ids, statuses, dates and codes on ketenportaal.vv, numbered by the trajectory's version.
    const events = await test.db
      .select()
      .from(outbox)
      .where(eq(outbox.aggregateId, trajectory.id))
      .orderBy(asc(outbox.position));
    expect(events.map((e) => e.eventType.replace(/^nl\.ketenportaal\.vv\.(.*)\.v1$/, "$1"))).toEqual([
      "opened",
      "condition_added",
      "condition_added",
      "condition_added",
      "condition_changed",
      "condition_changed",
      "monitoring_scheduled",
      "condition_changed",
      "monitoring_recorded",
      "condition_added",
      "condition_changed",
      "closed",
    ]);
    expect(events.every((e) => e.topic === "ketenportaal.vv")).toBe(true);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, index) => index + 1));
    expect(events.at(-1)?.payload).toMatchObject({
      status: "closed",
      outcomeCode: "continued_by_partner",
      followUpOrganisationId: ids.swt,
    });
    const payloads = JSON.stringify(events.map((e) => e.payload));
    for (const text of [
      ...HOUSEHOLD_NAMES,
      ...demoUsers.map((u) => u.name),
      CONDITION_TEXT,
      NOTE_TEXT,
      "Rustig thuis",
      "Wijkteam blijft betrokken",
    ]) {
      expect(payloads).not.toContain(text);
    }
  });
});
