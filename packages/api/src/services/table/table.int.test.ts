import {
  auditLog,
  handovers,
  mailOutbox,
  organisations,
  outbox,
  regions,
  tableAgendaItems,
  tableMeetings,
  users,
  vvTrajectories,
} from "@ketenportaal/db";
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
const ids = { region: "", ijmond: "", swt: "", jb: "", velsen: "", swtTeam: "", coordinator: "", vtWorker: "" };
const people = { swtWorker: "", jbWorker: "", velsenWorker: "" };
let referenceCounter = 0;

// Monday 30 November 2026, 10:00 in Amsterdam; the meeting is on Thursday.
const MONDAY = "2026-11-30T09:00:00Z";
const THURSDAY_AFTERNOON = new Date("2026-12-03T13:00:00Z");
const HOUSEHOLD_NAMES = ["Fenna Oosterhout", "Ruud Oosterhout"];

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
  const regionRows = await test.db.select().from(regions);
  ids.region = regionRows.find((r) => r.slug === "haarlem-eo")?.id ?? "";
  ids.ijmond = regionRows.find((r) => r.slug === "ijmond")?.id ?? "";
  const orgs = await test.db.select().from(organisations);
  const org = (slug: string) => orgs.find((o) => o.slug === slug)?.id ?? "";
  ids.swt = org("swt-haarlem");
  ids.jb = org("jb-kennemerland");
  ids.velsen = org("wijkteam-velsen");
  const options = await vt.handover.formOptions();
  ids.swtTeam = options.teams.find((t) => t.name === "Wijkteam Haarlem")?.id ?? "";
  const userRows = await test.db.select().from(users);
  const user = (email: string) => userRows.find((u) => u.email === email)?.id ?? "";
  ids.coordinator = user("coordinator.haarlem@vt-kennemerland.example");
  ids.vtWorker = user("medewerker@vt-kennemerland.example");
  people.swtWorker = user("medewerker@swt-haarlem.example");
  people.jbWorker = user("medewerker@jb-kennemerland.example");
  people.velsenWorker = user("medewerker@wijkteam-velsen.example");
});
afterAll(async () => {
  await test?.drop();
});

async function registerCase(options: { complete?: boolean; municipalityCode?: string } = {}) {
  referenceCounter++;
  const reference = `VT-2026-T${String(referenceCounter).padStart(3, "0")}`;
  const complete = options.complete ?? true;
  const created = await vt.case.create({
    reference,
    municipalityCode: options.municipalityCode ?? "GM0392",
    priority: "high",
    reportedAt: new Date("2026-11-23T08:00:00Z"),
    safetyAssessmentCompleted: complete,
    conclusion: complete ? "Zorgen over de veiligheid van de kinderen bij ruzies thuis." : null,
    persons: HOUSEHOLD_NAMES.map((name, index) => ({
      role: index === 0 ? ("child" as const) : ("parent" as const),
      name,
      birthYear: index === 0 ? 2016 : 1984,
      spokenStatus: complete ? ("spoken" as const) : null,
    })),
  });
  return { caseId: created.id, reference };
}

async function planMeeting(scheduledAt = THURSDAY_AFTERNOON) {
  return coordinator.table.create({
    regionId: ids.region,
    scheduledAt,
    participantOrganisationIds: [ids.swt, ids.jb],
  });
}

async function agendaItem(meetingId: string) {
  const { caseId, reference } = await registerCase();
  const item = await vt.table.addItem({ meetingId, caseId, shortReason: "Zorgen over spanningen thuis" });
  return { ...item, caseId, reference };
}

const completePackage = () => ({
  concerns: "Zorgen over de veiligheid van de kinderen.",
  safetyConditions: "Geen geweld in het bijzijn van de kinderen.",
  householdView: "Het gezin wil hulp bij opvoeding.",
  vtContactUserId: ids.coordinator,
  vtJoinsFirstVisit: true,
});

describe("planning an overdrachtstafel", () => {
  it("is for a VT teamcoördinator, chaired by one, with partner organisations", async () => {
    const meeting = await planMeeting();
    expect(meeting.version).toBe(1);
    await expect(
      vt.table.create({ regionId: ids.region, scheduledAt: THURSDAY_AFTERNOON, participantOrganisationIds: [ids.swt] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      swtWorker.table.create({
        regionId: ids.region,
        scheduledAt: THURSDAY_AFTERNOON,
        participantOrganisationIds: [ids.swt],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      coordinator.table.create({
        regionId: ids.region,
        scheduledAt: THURSDAY_AFTERNOON,
        chairUserId: ids.vtWorker,
        participantOrganisationIds: [ids.swt],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { chairUserId: [expect.any(String)] } } });
    const vtOrganisation = (await test.db.select().from(organisations)).find((o) => o.kind === "vt")?.id ?? "";
    await expect(
      coordinator.table.create({
        regionId: ids.region,
        scheduledAt: THURSDAY_AFTERNOON,
        participantOrganisationIds: [vtOrganisation],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the agenda", () => {
  it("takes only cases of the region whose safety assessment is complete, each once", async () => {
    const meeting = await planMeeting();
    const incomplete = await registerCase({ complete: false });
    await expect(
      vt.table.addItem({ meetingId: meeting.id, caseId: incomplete.caseId, shortReason: "Zorgen" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("veiligheidsbeoordeling") });
    const elsewhere = await registerCase({ municipalityCode: "GM0453" });
    await expect(
      vt.table.addItem({ meetingId: meeting.id, caseId: elsewhere.caseId, shortReason: "Zorgen" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("regio") });

    const item = await agendaItem(meeting.id);
    expect(item.meetingVersion).toBe(2);
    await expect(
      vt.table.addItem({ meetingId: meeting.id, caseId: item.caseId, shortReason: "Nogmaals" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      swtWorker.table.addItem({ meetingId: meeting.id, caseId: item.caseId, shortReason: "Zorgen" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      velsenWorker.table.addItem({ meetingId: meeting.id, caseId: item.caseId, shortReason: "Zorgen" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets VT take an undecided case off again, but not a decided one", async () => {
    const meeting = await planMeeting();
    const first = await agendaItem(meeting.id);
    const second = await agendaItem(meeting.id);
    await expect(swtWorker.table.removeItem({ id: first.id, version: first.version ?? 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const removed = await vt.table.removeItem({ id: first.id, version: first.version ?? 1 });
    expect(removed.meetingVersion).toBe(4);
    await coordinator.table.decide({ id: second.id, version: 1, kind: "vt_keeps" });
    await expect(vt.table.removeItem({ id: second.id, version: 2 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const detail = await vt.table.get({ id: meeting.id });
    expect(detail.items.map((i) => i.id)).toEqual([second.id]);
  });
});

describe("form options", () => {
  it("offers VT the region's cases that can still go on the agenda, and the people to choose from", async () => {
    const meeting = await planMeeting();
    const onAgenda = await agendaItem(meeting.id);
    const free = await registerCase();
    const incomplete = await registerCase({ complete: false });
    const options = await vt.table.formOptions({ meetingId: meeting.id });
    const candidates = options.agendaCandidates.map((c) => c.id);
    expect(candidates).toContain(free.caseId);
    expect(candidates).not.toContain(onAgenda.caseId);
    expect(candidates).not.toContain(incomplete.caseId);
    const swt = options.organisations.find((o) => o.id === ids.swt);
    expect(swt?.teams.map((t) => t.name)).toContain("Wijkteam Haarlem");
    expect(swt?.people.map((p) => p.id)).toContain(people.swtWorker);
    expect(options.organisations.some((o) => o.kind === "municipality")).toBe(false);
    await expect(swtWorker.table.formOptions()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("who sees a meeting", () => {
  it("shows participants the agenda summary before the meeting and hides it from everyone else", async () => {
    const meeting = await planMeeting();
    const item = await agendaItem(meeting.id);

    const list = await swtWorker.table.list({ regionId: ids.region });
    expect(list.upcoming.map((m) => m.id)).toContain(meeting.id);
    expect((await velsenWorker.table.list()).upcoming).toEqual([]);
    await expect(gemeente.table.list()).rejects.toMatchObject({ code: "FORBIDDEN" });

    const seen = await jbWorker.table.get({ id: meeting.id });
    expect(seen.view).toBe("participant");
    expect(seen.allowedActions).toEqual([]);
    expect(seen.items[0]).toMatchObject({
      caseReference: item.reference,
      municipality: { code: "GM0392", name: "Haarlem" },
      priority: "high",
      shortReason: "Zorgen over spanningen thuis",
      decision: null,
      handoverId: null,
      decisionNote: null,
    });
    expect(JSON.stringify(seen)).not.toContain(HOUSEHOLD_NAMES[0]);
    await expect(velsenWorker.table.get({ id: meeting.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(velsenWorker.table.minutes({ id: meeting.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const reads = await test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "read"), eq(auditLog.caseId, item.caseId)));
    expect(reads.map((r) => r.objectType)).toContain("handover_table_item.summary");
  });
});

describe("deciding at the table", () => {
  it("takes all five decisions, each with its follow-up, and closes with final minutes", async () => {
    const meeting = await planMeeting();
    const items = [];
    for (let i = 0; i < 5; i++) items.push(await agendaItem(meeting.id));
    const [toSwt, toVv, vtKeeps, raad, postponed] = items as [
      (typeof items)[number],
      (typeof items)[number],
      (typeof items)[number],
      (typeof items)[number],
      (typeof items)[number],
    ];
    clock.set(THURSDAY_AFTERNOON);

    // Only a VT teamcoördinator records decisions.
    await expect(vt.table.decide({ id: toSwt.id, version: 1, kind: "vt_keeps" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(swtWorker.table.decide({ id: toSwt.id, version: 1, kind: "vt_keeps" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const handoverDecision = await coordinator.table.decide({
      id: toSwt.id,
      version: 1,
      kind: "handover",
      targetTeamId: ids.swtTeam,
      acceptedByUserId: people.swtWorker,
      ...completePackage(),
    });
    expect(handoverDecision.handoverId).toEqual(expect.any(String));
    const handoverId = handoverDecision.handoverId ?? "";
    const handover = await swtWorker.handover.get({ id: handoverId });
    expect(handover).toMatchObject({
      status: "accepted",
      caseReference: toSwt.reference,
      assignedUser: { id: people.swtWorker },
      // Accepted Thursday 3 December: 10 working days → Thursday 17 December.
      firstContactDueOn: "2026-12-17",
    });
    expect(handover.history).toHaveLength(1);
    expect(handover.history[0]).toMatchObject({
      action: "decide_at_table",
      fromStatus: null,
      toStatus: "accepted",
      reason: "besloten aan de overdrachtstafel",
      actor: { organisation: "Sociaal Wijkteam Haarlem" },
    });
    const accepted = await test.db.select().from(outbox).where(eq(outbox.aggregateId, handoverId));
    expect(accepted.map((e) => e.eventType)).toEqual(["nl.ketenportaal.handover.accepted.v1"]);

    await expect(
      coordinator.table.decide({
        id: toVv.id,
        version: 1,
        kind: "vv",
        partnerOrganisationId: ids.jb,
        vtWorkerUserId: ids.vtWorker,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { partnerWorkerUserId: [expect.any(String)] } },
    });
    const vvDecision = await coordinator.table.decide({
      id: toVv.id,
      version: 1,
      kind: "vv",
      partnerOrganisationId: ids.jb,
      partnerWorkerUserId: people.jbWorker,
      vtWorkerUserId: ids.vtWorker,
    });
    const [trajectory] = await test.db
      .select()
      .from(vvTrajectories)
      .where(eq(vvTrajectories.id, vvDecision.vvTrajectoryId ?? ""));
    expect(trajectory).toMatchObject({ caseId: toVv.caseId, partnerOrganisationId: ids.jb, tableItemId: toVv.id });

    await coordinator.table.decide({ id: vtKeeps.id, version: 1, kind: "vt_keeps", vtWorkerUserId: ids.vtWorker });
    await expect(coordinator.table.decide({ id: raad.id, version: 1, kind: "raad_request" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { note: [expect.any(String)] } },
    });
    await coordinator.table.decide({
      id: raad.id,
      version: 1,
      kind: "raad_request",
      note: "Ondanks hulp blijven de zorgen; onderzoek naar een maatregel is nodig.",
    });

    // Closing with one item left open is refused.
    const beforeClose = await vt.table.get({ id: meeting.id });
    await expect(coordinator.table.close({ id: meeting.id, version: beforeClose.version })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("1 casus zonder besluit"),
    });

    const postponeDecision = await coordinator.table.decide({ id: postponed.id, version: 1, kind: "postpone" });
    const nextId = postponeDecision.postponedToMeetingId ?? "";
    const next = await coordinator.table.get({ id: nextId });
    expect(next.scheduledAt.toISOString()).toBe("2026-12-17T13:00:00.000Z");
    expect(next.participants.map((p) => p.id).sort()).toEqual([ids.swt, ids.jb].sort());
    expect(next.items.map((i) => [i.caseReference, i.postponedFromItemId, i.decision])).toEqual([
      [postponed.reference, postponed.id, null],
    ]);

    // A second decision on one item, or one with a stale version, is refused.
    await expect(coordinator.table.decide({ id: toSwt.id, version: 2, kind: "vt_keeps" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(coordinator.table.decide({ id: toSwt.id, version: 1, kind: "vt_keeps" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Hanna Jansen"),
    });

    // What each participant sees: its own follow-up, not the other's.
    const swtView = await swtWorker.table.get({ id: meeting.id });
    const swtItem = swtView.items.find((i) => i.id === toSwt.id);
    expect(swtItem).toMatchObject({ receivedByMe: true, handoverId, decision: "handover" });
    expect(swtView.items.find((i) => i.id === toVv.id)).toMatchObject({ receivedByMe: false, vvTrajectoryId: null });
    const jbView = await jbWorker.table.get({ id: meeting.id });
    expect(jbView.items.find((i) => i.id === toSwt.id)).toMatchObject({ handoverId: null, decisionNote: null });
    expect(jbView.items.find((i) => i.id === toVv.id)).toMatchObject({
      receivedByMe: true,
      vvTrajectoryId: vvDecision.vvTrajectoryId,
    });
    await expect(jbWorker.handover.get({ id: handoverId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const current = await coordinator.table.get({ id: meeting.id });
    await expect(coordinator.table.close({ id: meeting.id, version: current.version - 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(jbWorker.table.close({ id: meeting.id, version: current.version })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const closed = await coordinator.table.close({ id: meeting.id, version: current.version });
    expect(closed.status).toBe("closed");
    await expect(coordinator.table.decide({ id: postponed.id, version: 2, kind: "vt_keeps" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const minutes = await jbWorker.table.minutes({ id: meeting.id });
    expect(minutes.final).toBe(true);
    expect(minutes.items.map((i) => [i.caseReference, i.decision, i.receivingOrganisation?.name ?? null])).toEqual([
      [toSwt.reference, "handover", "Sociaal Wijkteam Haarlem"],
      [toVv.reference, "vv", "Jeugdbescherming Kennemerland"],
      [vtKeeps.reference, "vt_keeps", "Veilig Thuis Kennemerland"],
      [raad.reference, "raad_request", "Veilig Thuis Kennemerland"],
      [postponed.reference, "postpone", null],
    ]);
    expect(minutes.items[0]).toMatchObject({ targetTeam: "Wijkteam Haarlem", firstContactDueOn: "2026-12-17" });
    expect(minutes.items[4]?.postponedTo?.toISOString()).toBe("2026-12-17T13:00:00.000Z");
    expect(JSON.stringify(minutes)).not.toMatch(/Oosterhout|maatregel/);

    const listed = await swtWorker.table.list({ regionId: ids.region });
    expect(listed.past.map((m) => m.id)).toContain(meeting.id);
    expect(listed.upcoming.map((m) => m.id)).toContain(nextId);

    // Events: one decided per item, numbered by the meeting's version, then closed; no personal data.
    const events = await test.db
      .select()
      .from(outbox)
      .where(eq(outbox.aggregateId, meeting.id))
      .orderBy(asc(outbox.position));
    expect(events.map((e) => e.eventType)).toEqual([
      ...Array(5).fill("nl.ketenportaal.table.decided.v1"),
      "nl.ketenportaal.table.closed.v1",
    ]);
    expect(events.every((e) => e.topic === "ketenportaal.tables")).toBe(true);
    const sequences = events.map((e) => e.sequence);
    expect(sequences.every((sequence, index) => index === 0 || sequence > (sequences[index - 1] ?? 0))).toBe(true);
    expect(events.at(-1)?.payload).toMatchObject({
      itemCount: 5,
      decisionCounts: { handover: 1, vv: 1, vt_keeps: 1, raad_request: 1, postpone: 1 },
    });
    const allEvents = JSON.stringify(await test.db.select().from(outbox));
    for (const name of [...HOUSEHOLD_NAMES, ...demoUsers.map((u) => u.name), "maatregel"]) {
      expect(allEvents).not.toContain(name);
    }

    // The participants hear that the minutes are final, without personal data.
    const mails = await test.db.select().from(mailOutbox).where(eq(mailOutbox.template, "table_minutes_final"));
    const addresses = mails.map((m) => m.toAddress);
    expect(addresses).toEqual(
      expect.arrayContaining([
        "aanmelden@swt-haarlem.example",
        "aanmeldingen@jb-kennemerland.example",
        "coordinator.haarlem@vt-kennemerland.example",
        "medewerker@vt-kennemerland.example",
      ]),
    );
    expect(addresses).not.toContain("aanmelden@wijkteam-velsen.example");
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const mail of mails) {
      expect(mail.bodyText).toContain(`https://ketenportaal.test/overdrachtstafels/${meeting.id}/verslag`);
      expect(`${mail.subject}${mail.bodyText}${mail.bodyHtml}`).not.toMatch(/Oosterhout|VT-2026/);
    }
  });

  it("leaves no decision behind when the handover package is incomplete", async () => {
    const meeting = await planMeeting();
    const item = await agendaItem(meeting.id);
    const before = (await vt.table.get({ id: meeting.id })).version;
    const eventsBefore = (await test.db.select().from(outbox)).length;
    await expect(
      coordinator.table.decide({
        id: item.id,
        version: 1,
        kind: "handover",
        targetTeamId: ids.swtTeam,
        acceptedByUserId: people.swtWorker,
        ...completePackage(),
        householdView: null,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Het pakket is nog niet compleet"),
      cause: { missingItems: [expect.objectContaining({ code: "household_view_missing" })] },
    });
    const [row] = await test.db.select().from(tableAgendaItems).where(eq(tableAgendaItems.id, item.id));
    expect(row).toMatchObject({ decision: null, decidedAt: null, handoverId: null, version: 1 });
    expect(await test.db.select().from(handovers).where(eq(handovers.caseId, item.caseId))).toEqual([]);
    expect((await vt.table.get({ id: meeting.id })).version).toBe(before);
    expect((await test.db.select().from(outbox)).length).toBe(eventsBefore);
  });

  it("lets exactly one of two simultaneous decisions on an item win, in each of 10 rounds", async () => {
    const meeting = await planMeeting();
    const chairAgain = await callerForUser({
      db: test.db,
      email: "coordinator.haarlem@vt-kennemerland.example",
      clock,
    });
    for (let round = 0; round < 10; round++) {
      const item = await agendaItem(meeting.id);
      const results = await Promise.allSettled([
        coordinator.table.decide({ id: item.id, version: 1, kind: "vt_keeps" }),
        chairAgain.table.decide({ id: item.id, version: 1, kind: "postpone" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected");
      expect(lost?.status === "rejected" && lost.reason).toMatchObject({ code: "CONFLICT" });
      const [row] = await test.db.select().from(tableAgendaItems).where(eq(tableAgendaItems.id, item.id));
      const winner = results.findIndex((r) => r.status === "fulfilled");
      expect(row?.decision).toBe(winner === 0 ? "vt_keeps" : "postpone");
    }
  });

  it("hands over only to a participant, accepted by someone of that organisation", async () => {
    const meeting = await planMeeting();
    const item = await agendaItem(meeting.id);
    const velsenTeam = (await vt.handover.formOptions()).teams.find((t) => t.name === "Wijkteam Velsen")?.id ?? "";
    await expect(
      coordinator.table.decide({
        id: item.id,
        version: 1,
        kind: "handover",
        targetTeamId: velsenTeam,
        acceptedByUserId: people.velsenWorker,
        ...completePackage(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("neemt niet deel") });
    await expect(
      coordinator.table.decide({
        id: item.id,
        version: 1,
        kind: "handover",
        targetTeamId: ids.swtTeam,
        acceptedByUserId: people.jbWorker,
        ...completePackage(),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { acceptedByUserId: [expect.any(String)] } },
    });
  });

  it("puts a postponed case on the region's next planned meeting when there is one", async () => {
    const later = await planMeeting(new Date("2026-12-10T13:00:00Z"));
    const meeting = await planMeeting(new Date("2026-12-08T13:00:00Z"));
    const item = await agendaItem(meeting.id);
    const decided = await coordinator.table.decide({ id: item.id, version: 1, kind: "postpone" });
    expect(decided.postponedToMeetingId).toBe(later.id);
    const [moved] = await test.db
      .select()
      .from(tableAgendaItems)
      .where(and(eq(tableAgendaItems.meetingId, later.id), eq(tableAgendaItems.caseId, item.caseId)));
    expect(moved?.postponedFromItemId).toBe(item.id);
    const [laterRow] = await test.db.select().from(tableMeetings).where(eq(tableMeetings.id, later.id));
    expect(laterRow?.version).toBe(2);
  });
});
