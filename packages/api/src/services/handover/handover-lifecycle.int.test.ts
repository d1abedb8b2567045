import { handoverHistory, mailOutbox, notifications, outbox, users } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForServiceAccount, callerForUser, createTestClock, type TestClock } from "../../testing/callers";
import { seedDemoRegion } from "../demo/seed-demo-region";

type Caller = Awaited<ReturnType<typeof callerForUser>>;

let test: TestDatabase;
let clock: TestClock;
let vt: Caller;
let coordinatorHaarlem: Caller;
let swtWorker: Caller;
let swtCoordinator: Caller;
let cjgWorker: Caller;
let gemeente: Caller;
let beheer: Caller;
let teams: Awaited<ReturnType<Caller["handover"]["formOptions"]>>["teams"];
let contactId: string;
let referenceCounter = 0;

// Monday 30 November 2026, 10:00 in Amsterdam.
const MONDAY = "2026-11-30T09:00:00Z";

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  clock = createTestClock(MONDAY);
  const as = (email: string) => callerForUser({ db: test.db, email, clock });
  [vt, coordinatorHaarlem, swtWorker, swtCoordinator, cjgWorker, gemeente, beheer] = await Promise.all([
    as("medewerker@vt-kennemerland.example"),
    as("coordinator.haarlem@vt-kennemerland.example"),
    as("medewerker@swt-haarlem.example"),
    as("coordinator@swt-haarlem.example"),
    as("medewerker@cjg-haarlemmermeer.example"),
    as("beleid@gemeente-haarlem.example"),
    as("beheer@vt-kennemerland.example"),
  ]);
  const options = await vt.handover.formOptions();
  teams = options.teams;
  contactId = options.vtContacts.find((c) => c.regionNames.includes("Haarlem e.o."))?.id ?? "";
});
afterAll(async () => {
  await test?.drop();
});

function teamId(name: string): string {
  const team = teams.find((t) => t.name === name);
  if (!team) throw new Error(`no team ${name}`);
  return team.id;
}

const HOUSEHOLD_NAMES = ["Fenna Oosterhout", "Ruud Oosterhout"];
const CASE_TEXT = "Vader dreigt met geweld tegen moeder in het bijzijn van de kinderen";

async function composeHandover(options: { team?: string; complete?: boolean } = {}) {
  referenceCounter++;
  const reference = `VT-2026-${String(referenceCounter).padStart(4, "0")}`;
  const complete = options.complete ?? true;
  const created = await vt.case.create({
    reference,
    municipalityCode: "GM0392",
    priority: "high",
    reportedAt: new Date("2026-11-23T08:00:00Z"),
    safetyAssessmentCompleted: complete,
    conclusion: complete ? CASE_TEXT : null,
    persons: [
      { role: "child", name: HOUSEHOLD_NAMES[0] ?? "", birthYear: 2016, spokenStatus: complete ? "spoken" : null },
      { role: "parent", name: HOUSEHOLD_NAMES[1] ?? "", birthYear: 1984, spokenStatus: complete ? "spoken" : null },
    ],
  });
  const handover = await vt.handover.create({
    caseId: created.id,
    targetTeamId: teamId(options.team ?? "Wijkteam Haarlem"),
    ...(complete
      ? {
          concerns: "Zorgen over de veiligheid van de kinderen.",
          safetyConditions: "Geen geweld in het bijzijn van de kinderen.",
          householdView: "Het gezin wil hulp bij opvoeding.",
          vtContactUserId: contactId,
          vtJoinsFirstVisit: true,
        }
      : {}),
  });
  return { caseId: created.id, reference, ...handover };
}

async function offeredHandover(team?: string) {
  const draft = await composeHandover({ team });
  return vt.handover.offer({ id: draft.id, version: draft.version });
}

describe("the closed loop", () => {
  it("goes from draft to completed, with history, audit, events, notifications and e-mail at every step", async () => {
    const draft = await composeHandover();
    expect(draft.status).toBe("draft");

    const offered = await vt.handover.offer({ id: draft.id, version: draft.version });
    expect(offered).toMatchObject({ status: "offered", version: 2 });

    const inbox = await swtWorker.handover.inbox();
    const row = inbox.items.find((i) => i.id === draft.id);
    // Offered Monday 30 November: 3 working days → Thursday 3 December.
    expect(row).toMatchObject({
      status: "offered",
      acceptanceDueOn: "2026-12-03",
      currentDeadline: { kind: "acceptance", dueOn: "2026-12-03", workingDaysLeft: 3 },
      overdue: false,
      caseReference: draft.reference,
    });

    clock.set("2026-12-01T13:00:00Z");
    const accepted = await swtWorker.handover.accept({ id: draft.id, version: offered.version });
    expect(accepted.status).toBe("accepted");
    const started = await swtWorker.handover.start({
      id: draft.id,
      version: accepted.version,
      firstContactOn: "2026-12-01",
    });
    const completed = await swtWorker.handover.complete({
      id: draft.id,
      version: started.version,
      outcomeCode: "help_started",
    });
    expect(completed).toMatchObject({ status: "completed", version: 5 });

    const detail = await vt.handover.get({ id: draft.id });
    expect(detail.history.map((h) => `${h.action}:${h.fromStatus ?? "-"}>${h.toStatus}`)).toEqual([
      "create:->draft",
      "offer:draft>offered",
      "accept:offered>accepted",
      "start:accepted>started",
      "complete:started>completed",
    ]);
    expect(detail.history[2]?.actor).toEqual({ name: "Sanne Visser", organisation: "Sociaal Wijkteam Haarlem" });
    // Accepted on Tuesday 1 December: first contact within 10 working days → Tuesday 15 December.
    expect(detail.firstContactDueOn).toBe("2026-12-15");
    expect(detail.assignedUser?.name).toBe("Sanne Visser");

    const events = await test.db.select().from(outbox).where(eq(outbox.aggregateId, draft.id));
    expect(events.map((e) => e.eventType)).toEqual([
      "nl.ketenportaal.handover.offered.v1",
      "nl.ketenportaal.handover.accepted.v1",
      "nl.ketenportaal.handover.started.v1",
      "nl.ketenportaal.handover.completed.v1",
    ]);

    const [mira] = await test.db.select().from(users).where(eq(users.email, "medewerker@vt-kennemerland.example"));
    const vtNotices = await test.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.handoverId, draft.id), eq(notifications.recipientUserId, mira?.id ?? "")));
    expect(vtNotices.map((n) => n.kind).sort()).toEqual([
      "handover_accepted",
      "handover_completed",
      "handover_started",
    ]);
    const vtMail = await test.db
      .select({ template: mailOutbox.template, to: mailOutbox.toAddress })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.handoverId, draft.id), eq(mailOutbox.toAddress, "medewerker@vt-kennemerland.example")));
    expect(vtMail.map((m) => m.template).sort()).toEqual(["handover_accepted", "handover_completed"]);
  });

  it("leaves exactly one Dutch e-mail for the team's address on an offer, and no personal data anywhere outside", async () => {
    const handover = await offeredHandover();
    const mails = await test.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.handoverId, handover.id), eq(mailOutbox.template, "handover_offered")));
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail?.toAddress).toBe("aanmelden@swt-haarlem.example");
    expect(mail?.subject).toBe("Ketenportaal: Nieuwe overdracht aangeboden");
    expect(mail?.bodyText).toContain(`https://ketenportaal.test/overdrachten/${handover.id}`);
    expect(mail?.bodyText).toContain("Reageer uiterlijk");
    const [event] = await test.db.select().from(outbox).where(eq(outbox.aggregateId, handover.id));
    for (const text of [mail?.subject, mail?.bodyText, mail?.bodyHtml, JSON.stringify(event?.payload)]) {
      for (const secret of [...HOUSEHOLD_NAMES, "Oosterhout", "2016", "1984", CASE_TEXT, "Zorgen over"]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it("refuses an incomplete offer and lists every missing item", async () => {
    const draft = await composeHandover({ complete: false });
    const attempt = vt.handover.offer({ id: draft.id, version: draft.version });
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const error = await attempt.catch((e: { cause?: { missingItems?: { code: string }[] } }) => e);
    const codes = (error as { cause?: { missingItems?: { code: string }[] } }).cause?.missingItems?.map((m) => m.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "safety_assessment_not_completed",
        "person_spoken_status_missing",
        "concerns_missing",
        "conclusion_missing",
        "safety_conditions_missing",
        "household_view_missing",
        "vt_contact_missing",
        "vt_joins_first_visit_missing",
      ]),
    );
    const detail = await vt.handover.get({ id: draft.id });
    expect(detail.status).toBe("draft");
    expect(detail.version).toBe(1);
  });

  it("requires a reason text for 'other', a text for a return and a referral for 'referred_on'", async () => {
    const h = await offeredHandover();
    await expect(
      swtWorker.handover.decline({ id: h.id, version: h.version, reasonCode: "other" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { reasonText: [expect.any(String)] } },
    });
    const declined = await swtWorker.handover.decline({ id: h.id, version: h.version, reasonCode: "no_capacity" });
    expect(declined.status).toBe("declined");

    const h2 = await offeredHandover();
    const accepted = await swtWorker.handover.accept({ id: h2.id, version: h2.version });
    await expect(
      swtWorker.handover.returnToVt({ id: h2.id, version: accepted.version, reasonText: " " }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const started = await swtWorker.handover.start({
      id: h2.id,
      version: accepted.version,
      firstContactOn: "2026-12-01",
    });
    await expect(
      swtWorker.handover.complete({ id: h2.id, version: started.version, outcomeCode: "referred_on" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { referredTo: [expect.any(String)] } } });
    const returned = await swtWorker.handover.returnToVt({
      id: h2.id,
      version: started.version,
      reasonText: "Nieuwe melding van geweld; veiligheid niet te garanderen.",
    });
    expect(returned.status).toBe("returned");
  });
});

describe("who may do what", () => {
  it("keeps drafts from partners, and handovers from organisations they are not addressed to", async () => {
    const draft = await composeHandover();
    await expect(swtWorker.handover.get({ id: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const offered = await vt.handover.offer({ id: draft.id, version: draft.version });
    await expect(cjgWorker.handover.get({ id: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cjgWorker.handover.accept({ id: draft.id, version: offered.version })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await cjgWorker.handover.inbox()).items.map((i) => i.id)).not.toContain(draft.id);
  });

  it("shows a medewerker only their own team's handovers, a coördinator the whole organisation's", async () => {
    const other = await offeredHandover("Wijkteam Zuid-Kennemerland");
    await expect(swtWorker.handover.get({ id: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await swtCoordinator.handover.get({ id: other.id })).targetTeam.name).toBe("Wijkteam Zuid-Kennemerland");
  });

  it("lets only the requester offer and withdraw, and only the owner decide", async () => {
    const h = await offeredHandover();
    await expect(vt.handover.accept({ id: h.id, version: h.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(swtWorker.handover.withdraw({ id: h.id, version: h.version })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const withdrawn = await vt.handover.withdraw({ id: h.id, version: h.version, reasonText: "Gezin verhuisd." });
    expect(withdrawn.status).toBe("withdrawn");
    // Not possible in this status any more: a conflict with the handover's state (409 over HTTP).
    await expect(swtWorker.handover.accept({ id: h.id, version: withdrawn.version })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("gives a gemeente and a functioneel beheerder no case data at all", async () => {
    const h = await offeredHandover();
    for (const caller of [gemeente, beheer]) {
      await expect(caller.handover.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.handover.inbox()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.handover.get({ id: h.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.case.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("lets a partner coördinator assign, not a medewerker", async () => {
    const h = await offeredHandover();
    const accepted = await swtCoordinator.handover.accept({ id: h.id, version: h.version });
    const assignees = await swtCoordinator.handover.assignees({ id: h.id });
    const sanne = assignees.find((a) => a.name === "Sanne Visser");
    expect(sanne).toBeDefined();
    await expect(
      swtWorker.handover.assign({ id: h.id, version: accepted.version, userId: sanne?.id ?? "" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const assigned = await swtCoordinator.handover.assign({
      id: h.id,
      version: accepted.version,
      userId: sanne?.id ?? "",
    });
    expect((await swtWorker.handover.get({ id: h.id })).assignedUser?.name).toBe("Sanne Visser");
    expect(assigned.version).toBe(accepted.version + 1);
  });

  it("lets a partner system act for its organisation", async () => {
    const h = await offeredHandover();
    const system = await callerForServiceAccount({ db: test.db, organisationSlug: "swt-haarlem", clock });
    expect((await system.handover.inbox()).items.map((i) => i.id)).toContain(h.id);
    expect((await system.handover.accept({ id: h.id, version: h.version })).status).toBe("accepted");
  });

  it("shows a teamcoördinator the handovers of the regions where they are aanspreekpunt", async () => {
    const h = await offeredHandover();
    const mine = await coordinatorHaarlem.handover.list({ myRegions: true, limit: 100 });
    expect(mine.items.map((i) => i.id)).toContain(h.id);
    expect(mine.items.every((i) => i.region.name === "Haarlem e.o.")).toBe(true);
  });
});

describe("concurrent decisions", () => {
  it("answers a stale version with CONFLICT saying what happened and by whom, and changes nothing", async () => {
    const h = await offeredHandover();
    await swtWorker.handover.accept({ id: h.id, version: h.version });
    const attempt = swtCoordinator.handover.decline({ id: h.id, version: h.version, reasonCode: "no_capacity" });
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(attempt).rejects.toThrow(/geaccepteerd door Sanne Visser \(Sociaal Wijkteam Haarlem\)/);
    expect((await vt.handover.get({ id: h.id })).status).toBe("accepted");
  });

  it("lets exactly one of an accept and a decline win, in each of 100 rounds", async () => {
    const ids: string[] = [];
    for (let round = 0; round < 100; round++) {
      const h = await offeredHandover();
      ids.push(h.id);
      const results = await Promise.allSettled([
        swtWorker.handover.accept({ id: h.id, version: h.version }),
        swtCoordinator.handover.decline({ id: h.id, version: h.version, reasonCode: "no_capacity" }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    }
    const decisions = await test.db
      .select({ handoverId: handoverHistory.handoverId })
      .from(handoverHistory)
      .where(and(inArray(handoverHistory.handoverId, ids), inArray(handoverHistory.action, ["accept", "decline"])));
    expect(decisions).toHaveLength(100);
    expect(new Set(decisions.map((d) => d.handoverId)).size).toBe(100);
  });
});
