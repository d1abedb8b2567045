import { auditLog, executeRows } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { firstContactDueOn } from "@ketenportaal/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { callerForUser, createTestClock } from "../../testing/callers";
import { seedDemoCases } from "../demo/seed-demo-cases";
import { seedDemoRegion } from "../demo/seed-demo-region";

type Caller = Awaited<ReturnType<typeof callerForUser>>;
let test: TestDatabase;
let admin: Caller;
let swtCoordinator: Caller;
let vtCoordinator: Caller;
let vtWorker: Caller;
let ids: {
  haarlem: string;
  meer: string;
  ijmond: string;
  coordinator: string;
  meerCoordinator: string;
  worker: string;
  partner: string;
};
const now = new Date("2026-11-25T10:00:00Z");

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await executeRows<T>(test.db, query);
  if (!row) throw new Error("no row");
  return row;
}

/** The refusal with its field messages as the portal gets them (the error formatter runs only over HTTP). */
async function withFields(call: Promise<unknown>) {
  try {
    return await call;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    const fieldErrors =
      cause instanceof ZodError
        ? Object.fromEntries(cause.issues.map((issue) => [issue.path.join("."), [issue.message]]))
        : (cause as { fieldErrors?: unknown } | undefined)?.fieldErrors;
    throw Object.assign(error as object, { data: { fieldErrors } });
  }
}

const region = (id: string) =>
  one<{ version: number; acceptance: number; firstContact: number; contact: string | null; codes: string[] }>(
    sql`select version, acceptance_deadline_days as acceptance, first_contact_deadline_days as "firstContact",
          contact_user_id as contact,
          (select coalesce(array_agg(code order by code), '{}') from municipalities where region_id = r.id) as codes
        from regions r where id = ${id}::uuid`,
  );
const regionAudit = () => test.db.select().from(auditLog).where(eq(auditLog.objectType, "region")).orderBy(auditLog.id);

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now, config: { publicUrl: "https://ketenportaal.test" } });
  const clock = createTestClock(now);
  admin = await callerForUser({ db: test.db, email: "beheer@vt-kennemerland.example", clock });
  swtCoordinator = await callerForUser({ db: test.db, email: "coordinator@swt-haarlem.example", clock });
  vtCoordinator = await callerForUser({ db: test.db, email: "coordinator.haarlem@vt-kennemerland.example", clock });
  vtWorker = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
  ids = await one(sql`select
      (select id from regions where slug = 'haarlem-eo') as haarlem,
      (select id from regions where slug = 'haarlemmermeer') as meer,
      (select id from regions where slug = 'ijmond') as ijmond,
      (select id from users where email = 'coordinator.ijmond@vt-kennemerland.example') as coordinator,
      (select id from users where email = 'coordinator.haarlemmermeer@vt-kennemerland.example') as "meerCoordinator",
      (select id from users where email = 'medewerker@vt-kennemerland.example') as worker,
      (select id from users where email = 'coordinator@swt-haarlem.example') as partner`);
});
afterAll(async () => {
  await test?.drop();
});

describe("admin.regions.list", () => {
  it("shows every region with gemeenten, aanspreekpunt, deadlines and the candidates, on record", async () => {
    const listed = await admin.admin.regions.list();
    const haarlem = listed.regions.find((r) => r.id === ids.haarlem);
    expect(haarlem).toMatchObject({ version: 1, acceptanceDeadlineDays: 3, firstContactDeadlineDays: 10 });
    expect(haarlem?.contact?.id).toBeTruthy();
    expect(haarlem?.municipalities.map((m) => m.code)).toContain("GM0392");
    expect(haarlem?.runningDeadlines).toBeGreaterThan(0);
    expect(listed.municipalities.find((m) => m.code === "GM0394")?.regionName).toBe("Haarlemmermeer");
    const candidates = listed.contactCandidates.map((c) => c.id);
    expect(candidates).toContain(ids.coordinator);
    expect(candidates).not.toContain(ids.worker);
    expect(candidates).not.toContain(ids.partner);
    const [audit] = await test.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectType, "region.list"))
      .orderBy(auditLog.id);
    expect(audit).toMatchObject({ action: "read", purpose: "beheer", outcome: "success" });
  });

  it("is refused to everyone but VT's functioneel beheerder", async () => {
    for (const caller of [swtCoordinator, vtCoordinator, vtWorker]) {
      await expect(caller.admin.regions.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("admin.regions.update", () => {
  it("refuses a partner coördinator, a VT teamcoördinator and a VT medewerker in Dutch, changing nothing", async () => {
    for (const caller of [swtCoordinator, vtCoordinator, vtWorker]) {
      await expect(
        caller.admin.regions.update({ id: ids.ijmond, version: 1, acceptanceDeadlineDays: 5 }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Alleen de functioneel beheerder van Veilig Thuis beheert de regio's.",
      });
    }
    expect(await region(ids.ijmond)).toMatchObject({ version: 1, acceptance: 3 });
  });

  it("refuses an aanspreekpunt who is no active VT teamcoördinator, at the field", async () => {
    for (const contactUserId of [ids.worker, ids.partner, crypto.randomUUID()]) {
      await expect(
        withFields(admin.admin.regions.update({ id: ids.ijmond, version: 1, contactUserId })),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        data: {
          fieldErrors: { contactUserId: ["Het aanspreekpunt moet een actieve teamcoördinator van Veilig Thuis zijn."] },
        },
      });
    }
  });

  it("refuses deadlines that are not whole working days within the bounds, at the field", async () => {
    for (const acceptanceDeadlineDays of [0, 31, 2.5]) {
      await expect(
        withFields(admin.admin.regions.update({ id: ids.ijmond, version: 1, acceptanceDeadlineDays })),
      ).rejects.toMatchObject({
        data: {
          fieldErrors: {
            acceptanceDeadlineDays: ["Vul de acceptatietermijn in als een heel aantal werkdagen van 1 tot en met 30."],
          },
        },
      });
    }
    await expect(
      withFields(admin.admin.regions.update({ id: ids.ijmond, version: 1, firstContactDeadlineDays: 61 })),
    ).rejects.toMatchObject({
      data: { fieldErrors: { firstContactDeadlineDays: [expect.stringMatching(/van 1 tot en met 60/)] } },
    });
    expect(await region(ids.ijmond)).toMatchObject({ version: 1, acceptance: 3, firstContact: 10 });
  });

  it("changes the aanspreekpunt with the version; before → after is on record; a stale version is a conflict", async () => {
    const before = await region(ids.ijmond);
    const changed = await admin.admin.regions.update({
      id: ids.ijmond,
      version: 1,
      contactUserId: ids.meerCoordinator,
      name: "IJmond en omstreken",
    });
    expect(changed.version).toBe(2);
    const audit = (await regionAudit()).at(-1);
    expect(audit).toMatchObject({ action: "update", purpose: "beheer", outcome: "success" });
    expect(audit?.objectId).toContain(ids.ijmond);
    expect(audit?.objectId).toContain("name: IJmond → IJmond en omstreken");
    expect(audit?.objectId).toContain(`contactUserId: ${before.contact} → ${ids.meerCoordinator}`);
    await expect(
      admin.admin.regions.update({ id: ids.ijmond, version: 1, acceptanceDeadlineDays: 4 }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/intussen/) });
    expect(await region(ids.ijmond)).toMatchObject({ version: 2, acceptance: 3 });
  });

  it("applies new deadlines to new deadlines only: a running one stays, a new acceptance gets the new term", async () => {
    const offered = await one<{ id: string; version: number; due: string }>(
      sql`select h.id, h.version, h.acceptance_due_on::text as due from handovers h join cases c on c.id = h.case_id
          where c.reference = 'VT-2026-0102'`,
    );
    const accepted = await one<{ id: string; due: string }>(
      sql`select h.id, h.first_contact_due_on::text as due from handovers h join cases c on c.id = h.case_id
          where c.reference = 'VT-2026-0105'`,
    );
    const running = await one<{ n: number }>(
      sql`select count(*)::int as n from handovers where region_id = ${ids.haarlem}::uuid
          and ((status = 'offered' and acceptance_due_on is not null)
            or (status = 'accepted' and first_contact_due_on is not null))`,
    );
    const changed = await admin.admin.regions.update({
      id: ids.haarlem,
      version: 1,
      acceptanceDeadlineDays: 5,
      firstContactDeadlineDays: 15,
    });
    expect(changed).toMatchObject({ deadlinesChanged: true, runningDeadlines: running.n });
    expect(changed.message).toContain(`de ${running.n} lopende termijnen blijven staan`);
    const audit = (await regionAudit()).at(-1);
    expect(audit?.objectId).toContain("acceptanceDeadlineDays: 3 → 5");
    expect(audit?.objectId).toContain("firstContactDeadlineDays: 10 → 15");

    const stillOffered = await one<{ due: string }>(
      sql`select acceptance_due_on::text as due from handovers where id = ${offered.id}::uuid`,
    );
    const stillAccepted = await one<{ due: string }>(
      sql`select first_contact_due_on::text as due from handovers where id = ${accepted.id}::uuid`,
    );
    expect(stillOffered.due).toBe(offered.due);
    expect(stillAccepted.due).toBe(accepted.due);

    await swtCoordinator.handover.accept({ id: offered.id, version: offered.version });
    const fresh = await one<{ due: string }>(
      sql`select first_contact_due_on::text as due from handovers where id = ${offered.id}::uuid`,
    );
    expect(fresh.due).toBe(firstContactDueOn({ acceptedAt: now, firstContactDays: 15 }));
    expect(fresh.due).not.toBe(firstContactDueOn({ acceptedAt: now, firstContactDays: 10 }));
  });

  it("refuses leaving a gemeente out: it always belongs to a region", async () => {
    const current = await region(ids.haarlem);
    await expect(
      withFields(
        admin.admin.regions.update({
          id: ids.haarlem,
          version: current.version,
          municipalityCodes: current.codes.filter((code) => code !== "GM0377"),
        }),
      ),
    ).rejects.toMatchObject({ data: { fieldErrors: { municipalityCodes: [expect.stringMatching(/Bloemendaal/)] } } });
  });

  it("refuses taking the last gemeente of a region with open handovers", async () => {
    const current = await region(ids.haarlem);
    await expect(
      withFields(
        admin.admin.regions.update({
          id: ids.haarlem,
          version: current.version,
          municipalityCodes: [...current.codes, "GM0394"],
        }),
      ),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      data: {
        fieldErrors: { municipalityCodes: [expect.stringMatching(/laatste gemeente van regio Haarlemmermeer/)] },
      },
    });
    expect((await region(ids.meer)).codes).toEqual(["GM0394"]);
  });
});

describe("admin.regions.create", () => {
  it("creates a region and moves gemeenten into it; a region not in use may give up its last gemeente", async () => {
    const created = await admin.admin.regions.create({
      name: "Zuid-Kennemerland",
      contactUserId: ids.coordinator,
      acceptanceDeadlineDays: 4,
      firstContactDeadlineDays: 12,
    });
    expect((await regionAudit()).at(-1)?.objectId).toContain("slug: - → zuid-kennemerland");
    const haarlem = await region(ids.haarlem);
    const moved = await admin.admin.regions.update({
      id: created.id,
      version: created.version,
      municipalityCodes: ["GM0473"],
    });
    expect(moved.movedMunicipalityCodes).toEqual(["GM0473"]);
    expect((await region(created.id)).codes).toEqual(["GM0473"]);
    // The region the gemeente left has a new version and its own audit row.
    const after = await region(ids.haarlem);
    expect(after.version).toBe(haarlem.version + 1);
    expect(after.codes).not.toContain("GM0473");
    const audits = (await regionAudit()).slice(-2);
    expect(audits[1]?.objectId).toContain(`${ids.haarlem} municipalityCodes:`);

    const second = await admin.admin.regions.create({
      name: "Zuid-Kennemerland",
      contactUserId: ids.coordinator,
      acceptanceDeadlineDays: 4,
      firstContactDeadlineDays: 12,
    });
    const emptied = await admin.admin.regions.update({
      id: second.id,
      version: second.version,
      municipalityCodes: ["GM0473"],
    });
    expect(emptied.movedMunicipalityCodes).toEqual(["GM0473"]);
    expect((await region(created.id)).codes).toEqual([]);
  });

  it("is refused to a VT teamcoördinator, and a bad aanspreekpunt at the field", async () => {
    await expect(
      vtCoordinator.admin.regions.create({
        name: "Regio X",
        contactUserId: ids.coordinator,
        acceptanceDeadlineDays: 3,
        firstContactDeadlineDays: 10,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      withFields(
        admin.admin.regions.create({
          name: "Regio X",
          contactUserId: ids.worker,
          acceptanceDeadlineDays: 3,
          firstContactDeadlineDays: 10,
        }),
      ),
    ).rejects.toMatchObject({ data: { fieldErrors: { contactUserId: [expect.any(String)] } } });
  });
});
