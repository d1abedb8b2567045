import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForUser, createTestClock } from "../../testing/callers";
import { seedDemoCases } from "../demo/seed-demo-cases";
import { seedDemoRegion } from "../demo/seed-demo-region";

type Caller = Awaited<ReturnType<typeof callerForUser>>;
let test: TestDatabase;
let vt: Caller;
let swtWorker: Caller;
let cjgWorker: Caller;
let swtCoordinator: Caller;
const now = new Date("2026-11-25T10:00:00Z");

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now, config: { publicUrl: "https://ketenportaal.test" } });
  const clock = createTestClock(now);
  const as = (email: string) => callerForUser({ db: test.db, email, clock });
  vt = await as("medewerker@vt-kennemerland.example");
  swtWorker = await as("medewerker@swt-haarlem.example");
  cjgWorker = await as("medewerker@cjg-haarlemmermeer.example");
  swtCoordinator = await as("coordinator@swt-haarlem.example");
});
afterAll(async () => {
  await test?.drop();
});

describe("handover.list", () => {
  it("filters by status, gemeente, region and team", async () => {
    const offered = await vt.handover.list({ status: ["offered"], limit: 50 });
    expect(offered.items.map((i) => i.caseReference).sort()).toEqual(["VT-2026-0102", "VT-2026-0103", "VT-2026-0104"]);
    const haarlem = await vt.handover.list({ municipalityCode: "GM0392", limit: 50 });
    expect(haarlem.items.every((i) => i.municipality.code === "GM0392")).toBe(true);
    const options = await vt.handover.formOptions();
    const ijmond = options.regions.find((r) => r.name === "IJmond")?.id ?? "";
    const inIjmond = await vt.handover.list({ regionId: ijmond, limit: 50 });
    expect(inIjmond.items.every((i) => i.region.name === "IJmond")).toBe(true);
    expect(inIjmond.items.length).toBe(4);
    const cjgTeam = options.teams.find((t) => t.name === "CJG Haarlemmermeer")?.id ?? "";
    expect((await vt.handover.list({ teamId: cjgTeam, limit: 50 })).items).toHaveLength(2);
  });

  it("finds what is past its deadline, and puts it first", async () => {
    const overdue = await vt.handover.list({ overdue: true, limit: 50 });
    expect(overdue.items.map((i) => i.caseReference).sort()).toEqual(["VT-2026-0103", "VT-2026-0106"]);
    expect(overdue.items.every((i) => i.overdue && (i.currentDeadline?.workingDaysLeft ?? 0) < 0)).toBe(true);
    const all = await vt.handover.list({ limit: 50 });
    expect(all.items.slice(0, 2).every((i) => i.overdue)).toBe(true);
  });

  it("pages with a cursor without losing or repeating rows", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await vt.handover.list({ limit: 5, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });

  it("shows a partner only what was offered to them", async () => {
    const mine = await cjgWorker.handover.list({ limit: 50 });
    expect(mine.items.map((i) => i.caseReference).sort()).toEqual(["VT-2026-0103", "VT-2026-0106"]);
    const swt = await swtCoordinator.handover.list({ limit: 50 });
    // The Zandvoort offer was withdrawn after it was offered, so the coordinator still sees it; drafts never.
    expect(swt.items.map((i) => i.status).sort()).toEqual(["accepted", "offered", "withdrawn"]);
  });
});

describe("handover.inbox", () => {
  it("lists offers to my team, soonest deadline first, with working days left", async () => {
    const inbox = await cjgWorker.handover.inbox();
    expect(inbox.items.map((i) => i.caseReference)).toEqual(["VT-2026-0103"]);
    expect(inbox.items[0]?.currentDeadline?.kind).toBe("acceptance");
    const swt = await swtWorker.handover.inbox({ limit: 1 });
    expect(swt.items).toHaveLength(1);
    expect(swt.nextCursor).toBeNull();
  });
});

describe("handover.update", () => {
  it("edits a draft and refuses to edit once offered", async () => {
    const drafts = await vt.handover.list({ status: ["draft"], limit: 50 });
    const ready = drafts.items.find((i) => i.caseReference === "VT-2026-0112");
    if (!ready) throw new Error("no draft");
    const updated = await vt.handover.update({ id: ready.id, version: ready.version, concerns: "Nieuwe zorgen." });
    expect(updated.version).toBe(ready.version + 1);
    expect((await vt.handover.get({ id: ready.id })).concerns).toBe("Nieuwe zorgen.");
    const offered = await vt.handover.offer({ id: ready.id, version: updated.version });
    await expect(vt.handover.update({ id: ready.id, version: offered.version, concerns: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      swtWorker.handover.update({ id: ready.id, version: offered.version, concerns: "x" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("refuses an aanspreekpunt who is not a VT teamcoördinator, per field", async () => {
    const drafts = await vt.handover.list({ status: ["draft"], limit: 50 });
    const draft = drafts.items[0];
    if (!draft) throw new Error("no draft");
    const me = await vt.me();
    await expect(
      vt.handover.update({ id: draft.id, version: draft.version, vtContactUserId: me.user?.id ?? "" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { fieldErrors: { vtContactUserId: [expect.any(String)] } } });
  });
});

describe("cases", () => {
  it("creates, reads and updates a case with its persons, version-guarded", async () => {
    const created = await vt.case.create({
      reference: "VT-2026-7777",
      municipalityCode: "GM0396",
      reportedAt: new Date("2026-11-20T09:00:00Z"),
      persons: [{ role: "child", name: "Kind Zeven", birthYear: 2019 }],
    });
    const read = await vt.case.get({ id: created.id });
    // Reported Friday 20 November: 5 working days → Friday 27 November.
    expect(read).toMatchObject({ reference: "VT-2026-7777", safetyAssessmentDueOn: "2026-11-27", version: 1 });
    expect(read.persons.map((p) => p.name)).toEqual(["Kind Zeven"]);
    const updated = await vt.case.update({
      id: created.id,
      version: 1,
      safetyAssessmentCompleted: true,
      persons: [
        { role: "child", name: "Kind Zeven", birthYear: 2019, spokenStatus: "spoken" },
        {
          role: "parent",
          name: "Ouder Zeven",
          spokenStatus: "not_spoken",
          notSpokenReason: "Al in beeld bij het wijkteam.",
        },
      ],
    });
    expect(updated.version).toBe(2);
    const again = await vt.case.get({ id: created.id });
    expect(again.persons.map((p) => `${p.position}:${p.spokenStatus}`)).toEqual(["1:spoken", "2:not_spoken"]);
    expect(again.safetyAssessmentCompletedAt).not.toBeNull();
    await expect(vt.case.update({ id: created.id, version: 1, conclusion: "x" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      vt.case.create({ reference: "VT-2026-7777", municipalityCode: "GM0396", reportedAt: new Date() }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      vt.case.update({
        id: created.id,
        version: 2,
        persons: [{ role: "parent", name: "Ouder", spokenStatus: "not_spoken" }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps cases to VT", async () => {
    const list = await vt.case.list({ limit: 50 });
    expect(list.items.length).toBeGreaterThan(0);
    await expect(swtWorker.case.get({ id: list.items[0]?.id ?? "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(swtWorker.case.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("notifications", () => {
  it("counts, lists in Dutch and marks read only my own", async () => {
    const { count } = await vt.notification.unreadCount();
    expect(count).toBeGreaterThan(0);
    const list = await vt.notification.list({ limit: 50 });
    expect(list.items.some((n) => /is geaccepteerd door/.test(n.message))).toBe(true);
    const first = list.items[0];
    expect((await vt.notification.markRead({ ids: [first?.id ?? ""] })).updated).toBe(1);
    expect((await vt.notification.unreadCount()).count).toBe(count - 1);
    const theirs = (await cjgWorker.notification.list({ limit: 1 })).items[0];
    expect((await vt.notification.markRead({ ids: [theirs?.id ?? ""] })).updated).toBe(0);
    const aboutOne = (await vt.notification.list({ unreadOnly: true, limit: 50 })).items.find((n) => n.handoverId);
    const before = (await vt.notification.unreadCount()).count;
    const marked = await vt.notification.markRead({ handoverId: aboutOne?.handoverId ?? "" });
    expect(marked.updated).toBeGreaterThan(0);
    expect((await vt.notification.unreadCount()).count).toBe(before - marked.updated);
    await vt.notification.markRead({ all: true });
    expect((await vt.notification.unreadCount()).count).toBe(0);
  });
});
