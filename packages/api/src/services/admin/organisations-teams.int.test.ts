import { auditLog, executeRows, mailOutbox, organisations, teamMunicipalities, teams } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { callerForUser, createTestClock } from "../../testing/callers";
import { seedDemoCases } from "../demo/seed-demo-cases";
import { seedDemoRegion } from "../demo/seed-demo-region";

type Caller = Awaited<ReturnType<typeof callerForUser>>;
let test: TestDatabase;
let admin: Caller;
let swtCoordinator: Caller;
let vtWorker: Caller;
let policyOfficer: Caller;
let ids: { vt: string; swt: string; cjg: string; swtTeam: string; cjgTeam: string };
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

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now, config: { publicUrl: "https://ketenportaal.test" } });
  const clock = createTestClock(now);
  admin = await callerForUser({ db: test.db, email: "beheer@vt-kennemerland.example", clock });
  swtCoordinator = await callerForUser({ db: test.db, email: "coordinator@swt-haarlem.example", clock });
  vtWorker = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
  policyOfficer = await callerForUser({ db: test.db, email: "beleid@gemeente-haarlem.example", clock });
  ids = await one(sql`select
      (select id from organisations where slug = 'vt-kennemerland') as vt,
      (select id from organisations where slug = 'swt-haarlem') as swt,
      (select id from organisations where slug = 'cjg-haarlemmermeer') as cjg,
      (select id from teams where name = 'Wijkteam Haarlem') as "swtTeam",
      (select id from teams where name = 'CJG Haarlemmermeer') as "cjgTeam"`);
});
afterAll(async () => {
  await test?.drop();
});

const auditRows = (objectType: string) =>
  test.db.select().from(auditLog).where(eq(auditLog.objectType, objectType)).orderBy(auditLog.id);

describe("admin.organisations", () => {
  it("lists every organisation with its teams for the beheerder, on record", async () => {
    const before = (await auditRows("organisation")).length;
    const { organisations: rows, municipalities } = await admin.admin.organisations.list();
    expect(rows.find((o) => o.id === ids.swt)).toMatchObject({ kind: "local_team", active: true, version: 1 });
    expect(rows.find((o) => o.id === ids.swt)?.teamCount).toBeGreaterThan(0);
    expect(municipalities.map((m) => m.code)).toContain("GM0392");
    // The gemeenten an organisation serves are its teams' gemeenten, each once.
    const teamList = await admin.admin.teams.list({ organisationId: ids.swt });
    const served = [...new Set(teamList.teams.flatMap((team) => team.municipalityCodes))].sort();
    expect(served.length).toBeGreaterThan(0);
    expect(rows.find((o) => o.id === ids.swt)?.servedMunicipalityCodes).toEqual(served);
    const after = await auditRows("organisation");
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ action: "read", purpose: "beheer", outcome: "success" });
  });

  it("creates an organisation with a unique slug and writes what was set", async () => {
    const created = await admin.admin.organisations.create({
      name: "Gemeente Zandvoort",
      kind: "municipality",
      oin: "00000001001234567000",
      municipalityCode: "GM0473",
    });
    const [row] = await test.db.select().from(organisations).where(eq(organisations.id, created.id));
    expect(row).toMatchObject({
      slug: "gemeente-zandvoort",
      kind: "municipality",
      municipalityCode: "GM0473",
      active: true,
    });
    const audit = (await auditRows("organisation")).at(-1);
    expect(audit?.action).toBe("create");
    expect(audit?.objectId).toContain(created.id);
    expect(audit?.objectId).toContain("name: - → Gemeente Zandvoort");
    expect(audit?.objectId).toContain("municipalityCode: - → GM0473");
  });

  it("refuses a bad OIN, a gemeente on a partner and a taken OIN with a message at the field, writing nothing", async () => {
    const count = async () => (await test.db.select().from(organisations)).length;
    const before = await count();
    await expect(
      withFields(
        admin.admin.organisations.create({
          name: "Wijkteam X",
          kind: "local_team",
          oin: "1234",
          municipalityCode: null,
        }),
      ),
    ).rejects.toMatchObject({ data: { fieldErrors: { oin: ["Een OIN bestaat uit 20 cijfers; dit zijn er 4."] } } });
    await expect(
      withFields(
        admin.admin.organisations.create({
          name: "Wijkteam X",
          kind: "local_team",
          oin: null,
          municipalityCode: "GM0392",
        }),
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", data: { fieldErrors: { municipalityCode: [expect.any(String)] } } });
    await expect(
      withFields(
        admin.admin.organisations.create({
          name: "Gemeente X",
          kind: "municipality",
          oin: null,
          municipalityCode: null,
        }),
      ),
    ).rejects.toMatchObject({
      data: { fieldErrors: { municipalityCode: [expect.stringMatching(/Kies de gemeente/)] } },
    });
    await expect(
      withFields(
        admin.admin.organisations.create({
          name: "Dubbel",
          kind: "cjg",
          oin: "00000001001234567000",
          municipalityCode: null,
        }),
      ),
    ).rejects.toMatchObject({ data: { fieldErrors: { oin: ["Een andere organisatie heeft dit OIN al."] } } });
    await expect(
      withFields(admin.admin.organisations.create({ name: "", kind: "cjg", oin: null, municipalityCode: null })),
    ).rejects.toMatchObject({ data: { fieldErrors: { name: ["Vul de naam van de organisatie in."] } } });
    expect(await count()).toBe(before);
  });

  it("edits with the version: a stale version is a conflict, and before → after is on record", async () => {
    const current = await one<{ version: number; oin: string | null }>(
      sql`select version, oin from organisations where id = ${ids.cjg}`,
    );
    const updated = await admin.admin.organisations.update({
      id: ids.cjg,
      version: current.version,
      name: "CJG Haarlemmermeer (nieuw)",
      kind: "local_team",
      oin: current.oin,
      municipalityCode: null,
      active: true,
    });
    expect(updated.version).toBe(current.version + 1);
    const audit = (await auditRows("organisation")).at(-1);
    expect(audit?.action).toBe("update");
    expect(audit?.objectId).toBe(
      `${ids.cjg} name: CJG Haarlemmermeer → CJG Haarlemmermeer (nieuw); kind: cjg → local_team`,
    );
    await expect(
      admin.admin.organisations.update({
        id: ids.cjg,
        version: current.version,
        name: "Iets anders",
        kind: "cjg",
        oin: current.oin,
        municipalityCode: null,
        active: true,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/intussen/) });
    // Back, so other tests meet the demo as it is.
    await admin.admin.organisations.update({
      id: ids.cjg,
      version: updated.version,
      name: "CJG Haarlemmermeer",
      kind: "cjg",
      oin: current.oin,
      municipalityCode: null,
      active: true,
    });
  });

  it("deactivates and reactivates, never the beheerder's own organisation, never a move to or from VT", async () => {
    const org = await admin.admin.organisations.create({
      name: "Tijdelijk Wijkteam",
      kind: "local_team",
      oin: null,
      municipalityCode: null,
    });
    const off = await admin.admin.organisations.update({
      id: org.id,
      version: org.version,
      name: "Tijdelijk Wijkteam",
      kind: "local_team",
      oin: null,
      municipalityCode: null,
      active: false,
    });
    expect((await auditRows("organisation")).at(-1)?.objectId).toBe(`${org.id} active: true → false`);
    const on = await admin.admin.organisations.update({
      ...off,
      name: "Tijdelijk Wijkteam",
      kind: "local_team",
      oin: null,
      municipalityCode: null,
      active: true,
    });
    expect(on.version).toBe(3);
    const vt = await one<{ version: number; oin: string; name: string }>(
      sql`select version, oin, name from organisations where id = ${ids.vt}`,
    );
    await expect(
      withFields(
        admin.admin.organisations.update({
          id: ids.vt,
          version: vt.version,
          name: vt.name,
          kind: "vt",
          oin: vt.oin,
          municipalityCode: null,
          active: false,
        }),
      ),
    ).rejects.toMatchObject({
      data: { fieldErrors: { active: ["U kunt uw eigen organisatie niet op non-actief zetten."] } },
    });
    await expect(
      withFields(
        admin.admin.organisations.update({
          id: org.id,
          version: on.version,
          name: "Tijdelijk Wijkteam",
          kind: "vt",
          oin: null,
          municipalityCode: null,
          active: true,
        }),
      ),
    ).rejects.toMatchObject({ data: { fieldErrors: { kind: [expect.stringMatching(/alleen wisselen/)] } } });
  });

  it("is refused to everyone but the beheerder: nobody else creates or changes an organisation", async () => {
    const input = { name: "Wijkteam Y", kind: "local_team" as const, oin: null, municipalityCode: null };
    for (const caller of [swtCoordinator, vtWorker, policyOfficer]) {
      await expect(caller.admin.organisations.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.admin.organisations.create(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        caller.admin.organisations.update({ ...input, id: ids.swt, version: 1, active: false }),
      ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/functioneel beheerder/) });
    }
    const swt = await one<{ active: boolean }>(sql`select active from organisations where id = ${ids.swt}`);
    expect(swt.active).toBe(true);
  });
});

describe("admin.teams", () => {
  it("lists an organisation's teams with their gemeenten and open handovers", async () => {
    const list = await admin.admin.teams.list({ organisationId: ids.swt });
    expect(list.canManageAll).toBe(true);
    expect(list.organisations.length).toBeGreaterThan(3);
    const team = list.teams.find((t) => t.id === ids.swtTeam);
    expect(team).toMatchObject({ name: "Wijkteam Haarlem", municipalityCodes: ["GM0392"] });
    expect((await auditRows("team")).at(-1)).toMatchObject({ action: "read", objectId: ids.swt });
  });

  it("lets a partner coördinator list only their own organisation's teams", async () => {
    const own = await swtCoordinator.admin.teams.list();
    expect(own.organisationId).toBe(ids.swt);
    expect(own.canManageAll).toBe(false);
    expect(own.organisations.map((o) => o.id)).toEqual([ids.swt]);
    await expect(swtCoordinator.admin.teams.list({ organisationId: ids.cjg })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "U beheert alleen de teams van uw eigen organisatie.",
    });
    await expect(vtWorker.admin.teams.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("creates a team with gemeenten (the beheerder only) and refuses a bad address at the field", async () => {
    const created = await admin.admin.teams.create({
      organisationId: ids.swt,
      name: "Wijkteam Haarlem-Noord",
      notificationEmail: " Noord@SWT-Haarlem.example ",
      municipalityCodes: ["GM0392"],
    });
    const [row] = await test.db.select().from(teams).where(eq(teams.id, created.id));
    expect(row?.notificationEmail).toBe("noord@swt-haarlem.example");
    const served = await test.db.select().from(teamMunicipalities).where(eq(teamMunicipalities.teamId, created.id));
    expect(served.map((s) => s.municipalityCode)).toEqual(["GM0392"]);
    expect((await auditRows("team")).at(-1)).toMatchObject({ action: "create" });
    await expect(
      withFields(
        admin.admin.teams.create({
          organisationId: ids.swt,
          name: "X-team",
          notificationEmail: "geen-adres",
          municipalityCodes: [],
        }),
      ),
    ).rejects.toMatchObject({ data: { fieldErrors: { notificationEmail: ["Vul een geldig e-mailadres in."] } } });
    await expect(
      swtCoordinator.admin.teams.create({
        organisationId: ids.swt,
        name: "Eigen team",
        notificationEmail: "eigen@swt-haarlem.example",
        municipalityCodes: [],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("edits gemeenten with the version; a stale version is a conflict", async () => {
    const created = await admin.admin.teams.create({
      organisationId: ids.swt,
      name: "Wijkteam Zuid",
      notificationEmail: "zuid@swt-haarlem.example",
      municipalityCodes: ["GM0392"],
    });
    const updated = await admin.admin.teams.update({
      id: created.id,
      version: created.version,
      name: "Wijkteam Haarlem-Zuid",
      notificationEmail: "zuid@swt-haarlem.example",
      municipalityCodes: ["GM0392", "GM0394"],
    });
    expect(updated.version).toBe(2);
    const served = await test.db.select().from(teamMunicipalities).where(eq(teamMunicipalities.teamId, created.id));
    expect(served.map((s) => s.municipalityCode).sort()).toEqual(["GM0392", "GM0394"]);
    expect((await auditRows("team")).at(-1)?.objectId).toBe(
      `${created.id} name: Wijkteam Zuid → Wijkteam Haarlem-Zuid; municipalityCodes: GM0392 → GM0392,GM0394`,
    );
    await expect(
      admin.admin.teams.update({ id: created.id, version: created.version, municipalityCodes: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/intussen/) });
    // Without open handovers a team may serve no gemeente (it then gets no offers).
    await admin.admin.teams.update({ id: created.id, version: updated.version, municipalityCodes: [] });
  });

  it("routes offers by what is set here: a new team's gemeenten reach the handover form, a deactivated organisation's teams leave it", async () => {
    const org = await admin.admin.organisations.create({
      name: "Wijkteam Bloemendaal",
      kind: "local_team",
      oin: null,
      municipalityCode: null,
    });
    const team = await admin.admin.teams.create({
      organisationId: org.id,
      name: "Wijkteam Bloemendaal",
      notificationEmail: "aanmelden@wijkteam-bloemendaal.example",
      municipalityCodes: ["GM0377"],
    });
    const offered = async () => (await vtWorker.handover.formOptions()).teams.find((t) => t.id === team.id);
    expect((await offered())?.municipalityCodes).toEqual(["GM0377"]);
    await admin.admin.organisations.update({
      id: org.id,
      version: org.version,
      name: "Wijkteam Bloemendaal",
      kind: "local_team",
      oin: null,
      municipalityCode: null,
      active: false,
    });
    expect(await offered()).toBeUndefined();
    await expect(
      admin.admin.teams.create({
        organisationId: org.id,
        name: "Nog een team",
        notificationEmail: "nog@wijkteam-bloemendaal.example",
        municipalityCodes: [],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps the last gemeente of a team with open handovers", async () => {
    const busy = await one<{ id: string; version: number; n: number }>(
      sql`select t.id, t.version, count(*)::int as n from teams t join handovers h on h.target_team_id = t.id
          where h.status in ('offered', 'accepted', 'started') group by t.id, t.version order by n desc limit 1`,
    );
    await expect(
      withFields(admin.admin.teams.update({ id: busy.id, version: busy.version, municipalityCodes: [] })),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      data: { fieldErrors: { municipalityCodes: [expect.stringMatching(/moet minstens één gemeente houden/)] } },
    });
    const served = await test.db.select().from(teamMunicipalities).where(eq(teamMunicipalities.teamId, busy.id));
    expect(served.length).toBeGreaterThan(0);
  });

  it("lets a partner coördinator change only the address of their own organisation's team", async () => {
    const team = await one<{ version: number; notification_email: string }>(
      sql`select version, notification_email from teams where id = ${ids.swtTeam}`,
    );
    const updated = await swtCoordinator.admin.teams.update({
      id: ids.swtTeam,
      version: team.version,
      notificationEmail: "aanmelden-nieuw@swt-haarlem.example",
    });
    expect((await auditRows("team")).at(-1)?.objectId).toBe(
      `${ids.swtTeam} notificationEmail: aanmelden@swt-haarlem.example → aanmelden-nieuw@swt-haarlem.example`,
    );
    await expect(
      swtCoordinator.admin.teams.update({ id: ids.swtTeam, version: updated.version, name: "Ander naam" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/naam en de gemeenten/) });
    await expect(
      swtCoordinator.admin.teams.update({ id: ids.swtTeam, version: updated.version, municipalityCodes: ["GM0394"] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      swtCoordinator.admin.teams.update({ id: ids.cjgTeam, version: 1, notificationEmail: "x@cjg.example" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "U beheert alleen de teams van uw eigen organisatie." });
    await swtCoordinator.admin.teams.update({
      id: ids.swtTeam,
      version: updated.version,
      notificationEmail: team.notification_email,
    });
  });

  it("queues one test message without personal data, for the beheerder and the own coördinator only", async () => {
    const { mailId } = await swtCoordinator.admin.teams.sendTestMessage({ id: ids.swtTeam });
    const [mail] = await test.db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
    expect(mail).toMatchObject({
      toAddress: "aanmelden@swt-haarlem.example",
      template: "team_test_message",
      subject: "Testbericht van het Ketenportaal voor Wijkteam Haarlem",
      sentAt: null,
    });
    expect(`${mail?.subject}${mail?.bodyText}`).not.toMatch(/VT-\d|\d{9}/);
    const [audit] = await test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "team.test_message"), eq(auditLog.action, "execute")));
    expect(audit?.objectId).toBe(`${ids.swtTeam} mail=${mailId}`);
    await expect(admin.admin.teams.sendTestMessage({ id: ids.cjgTeam })).resolves.toMatchObject({
      mailId: expect.any(String),
    });
    await expect(swtCoordinator.admin.teams.sendTestMessage({ id: ids.cjgTeam })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(vtWorker.admin.teams.sendTestMessage({ id: ids.swtTeam })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
