import { auditLog, executeRows, mailOutbox, userInvites } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { TRPCError } from "@trpc/server";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiContext } from "../../context";
import { createApiCaller } from "../../router";
import { callerForUser, createTestClock, type TestClock, testApiConfig } from "../../testing/callers";
import { logIn } from "../auth/log-in";
import { findSessionPrincipal } from "../auth/sessions";
import { DEMO_PASSWORD } from "../demo/demo-region";
import { seedDemoRegion } from "../demo/seed-demo-region";

type Caller = Awaited<ReturnType<typeof callerForUser>>;
let test: TestDatabase;
let clock: TestClock;
let admin: Caller;
let swtCoordinator: Caller;
let vtWorker: Caller;
let ids: { vt: string; swt: string; cjg: string; swtTeam: string };
const start = new Date("2026-11-25T10:00:00Z");
const meta = { requestId: "people-test", clientAddress: null };

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await executeRows<T>(test.db, query);
  if (!row) throw new Error("no row");
  return row;
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string; fields: unknown }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { fieldErrors?: unknown } | undefined;
    return { code: error.code, message: error.message, fields: cause?.fieldErrors };
  }
  throw new Error("not refused");
}

/** The API without a session, as the invite page calls it. */
async function publicApi() {
  const context = await createApiContext({
    db: test.db,
    headers: new Headers(),
    meta,
    config: testApiConfig,
    now: clock.now,
  });
  return createApiCaller(context);
}

/** The token from the newest invite e-mail to this address (as the invitee would click it). */
async function inviteTokenFor(email: string): Promise<string> {
  const [mail] = await test.db
    .select({ bodyText: mailOutbox.bodyText, template: mailOutbox.template })
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(desc(mailOutbox.createdAt));
  expect(mail?.template).toBe("user_invite");
  const token = /\/uitnodiging\/(\S+)/.exec(mail?.bodyText ?? "")?.[1];
  if (!token) throw new Error("no link in the invite");
  return token;
}

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  clock = createTestClock(start);
  admin = await callerForUser({ db: test.db, email: "beheer@vt-kennemerland.example", clock });
  swtCoordinator = await callerForUser({ db: test.db, email: "coordinator@swt-haarlem.example", clock });
  vtWorker = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
  ids = await one(sql`select
      (select id from organisations where slug = 'vt-kennemerland') as vt,
      (select id from organisations where slug = 'swt-haarlem') as swt,
      (select id from organisations where slug = 'cjg-haarlemmermeer') as cjg,
      (select id from teams where name = 'Wijkteam Haarlem') as "swtTeam"`);
});
afterAll(async () => {
  await test?.drop();
});

describe("admin.people.list", () => {
  it("shows the beheerder any organisation's people and a coördinator only their own", async () => {
    const swt = await admin.admin.people.list({ organisationId: ids.swt });
    expect(swt.people.map((p) => p.email)).toContain("medewerker@swt-haarlem.example");
    expect(swt.roles).toEqual(["partner_worker", "partner_coordinator"]);
    expect((await admin.admin.people.list()).roles).toContain("functional_admin");
    const own = await swtCoordinator.admin.people.list();
    expect(own.organisationId).toBe(ids.swt);
    expect(own.roles).toEqual(["partner_worker", "partner_coordinator"]);
    expect(own.organisations.map((o) => o.id)).toEqual([ids.swt]);
    expect((await refusal(swtCoordinator.admin.people.list({ organisationId: ids.cjg }))).code).toBe("FORBIDDEN");
    expect((await refusal(vtWorker.admin.people.list())).code).toBe("FORBIDDEN");
    const [audit] = await test.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectType, "person.list"))
      .orderBy(desc(auditLog.id));
    expect(audit).toMatchObject({ action: "read", purpose: "beheer" });
  });
});

describe("inviting a person", () => {
  const email = "nieuwe.collega@swt-haarlem.example";

  it("creates the person without a password, stores only the token's hash and queues a Dutch e-mail", async () => {
    const result = await swtCoordinator.admin.people.invite({
      name: "Nieuwe Collega",
      email: "Nieuwe.Collega@swt-haarlem.example",
      organisationId: ids.swt,
      teamId: ids.swtTeam,
      role: "partner_worker",
    });
    const user = await one<{ password_hash: string | null; active: boolean }>(
      sql`select password_hash, active from users where id = ${result.userId}`,
    );
    expect(user).toEqual({ password_hash: null, active: true });
    const token = await inviteTokenFor(email);
    const [invite] = await test.db.select().from(userInvites).where(eq(userInvites.userId, result.userId));
    expect(invite?.tokenHash).not.toContain(token);
    expect(invite?.expiresAt.toISOString()).toBe("2026-12-02T10:00:00.000Z");
    const mail = await one<{ subject: string; body_text: string }>(
      sql`select subject, body_text from mail_outbox where id = ${result.mailId}`,
    );
    expect(mail.subject).toBe("Uitnodiging voor het Ketenportaal");
    expect(mail.body_text).toContain(`https://ketenportaal.test/uitnodiging/${token}`);
    expect(mail.body_text).not.toContain("Nieuwe Collega");
    const audit = await one<{ object_id: string; action: string }>(
      sql`select object_id, action from audit_log where object_type = 'person' order by id desc limit 1`,
    );
    expect(audit.action).toBe("create");
    expect(audit.object_id).toContain(`${result.userId} organisation: → ${ids.swt}; role: → partner_worker`);
    const listed = await swtCoordinator.admin.people.list();
    expect(listed.people.find((p) => p.email === email)).toMatchObject({
      invite: "open",
      teamName: "Wijkteam Haarlem",
    });
  });

  it("lets the invitee set a password once, then log in", async () => {
    const token = await inviteTokenFor(email);
    const api = await publicApi();
    expect(await api.auth.invite.get({ token })).toEqual({ state: "open" });
    await expect(api.auth.invite.accept({ token, password: "kort", passwordConfirmation: "kort" })).rejects.toThrow(
      /minstens 12 tekens/,
    );
    await expect(
      api.auth.invite.accept({ token, password: "lang-genoeg-wachtwoord", passwordConfirmation: "anders-wachtwoord" }),
    ).rejects.toThrow(/niet gelijk/);
    expect(
      await api.auth.invite.accept({
        token,
        password: "lang-genoeg-wachtwoord",
        passwordConfirmation: "lang-genoeg-wachtwoord",
      }),
    ).toEqual({ ok: true });
    const session = await logIn({ db: test.db, email, password: "lang-genoeg-wachtwoord", meta });
    expect(session.next).toBe("done");
    expect(await api.auth.invite.get({ token })).toEqual({ state: "used" });
    const again = await refusal(
      api.auth.invite.accept({ token, password: "nog-een-wachtwoord", passwordConfirmation: "nog-een-wachtwoord" }),
    );
    expect(again).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/al gebruikt/) });
    expect((await api.auth.invite.get({ token: "kpi_bestaat-niet-token" })).state).toBe("unknown");
  });

  it("says an invite has expired after seven days", async () => {
    const other = "later@swt-haarlem.example";
    await admin.admin.people.invite({
      name: "Later Collega",
      email: other,
      organisationId: ids.swt,
      teamId: null,
      role: "partner_worker",
    });
    const token = await inviteTokenFor(other);
    clock.set(new Date("2026-12-02T10:00:01Z"));
    try {
      const api = await publicApi();
      expect(await api.auth.invite.get({ token })).toEqual({ state: "expired" });
      const expired = await refusal(
        api.auth.invite.accept({
          token,
          password: "lang-genoeg-wachtwoord",
          passwordConfirmation: "lang-genoeg-wachtwoord",
        }),
      );
      expect(expired.message).toMatch(/verlopen/);
    } finally {
      clock.set(start);
    }
  });

  it("sends a new invite to someone who never used theirs; using one ends the others", async () => {
    const other = "later@swt-haarlem.example";
    const userId = (await one<{ id: string }>(sql`select id from users where email = ${other}`)).id;
    const firstToken = await inviteTokenFor(other);
    clock.set(new Date("2026-11-25T11:00:00Z"));
    try {
      await swtCoordinator.admin.people.reinvite({ userId });
    } finally {
      clock.set(start);
    }
    const token = await inviteTokenFor(other);
    expect(token).not.toBe(firstToken);
    const api = await publicApi();
    expect(await api.auth.invite.get({ token })).toEqual({ state: "open" });
    await api.auth.invite.accept({
      token,
      password: "lang-genoeg-wachtwoord",
      passwordConfirmation: "lang-genoeg-wachtwoord",
    });
    expect(await api.auth.invite.get({ token: firstToken })).toEqual({ state: "used" });
    const again = await refusal(swtCoordinator.admin.people.reinvite({ userId }));
    expect(again.message).toMatch(/al gebruikt/);
    expect((await refusal(vtWorker.admin.people.reinvite({ userId }))).code).toBe("FORBIDDEN");
  });

  it("refuses a coördinator another organisation, a VT role, a taken address — and everyone else", async () => {
    const base = { name: "Iemand Anders", email: "iemand@cjg-haarlemmermeer.example", teamId: null };
    expect(
      (await refusal(swtCoordinator.admin.people.invite({ ...base, organisationId: ids.cjg, role: "partner_worker" })))
        .code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await refusal(
          swtCoordinator.admin.people.invite({ ...base, organisationId: ids.swt, role: "functional_admin" }),
        )
      ).fields,
    ).toEqual({ role: [expect.stringMatching(/medewerker en coördinator/)] });
    expect(
      (
        await refusal(
          admin.admin.people.invite({
            ...base,
            email: "medewerker@swt-haarlem.example",
            organisationId: ids.swt,
            role: "partner_worker",
          }),
        )
      ).fields,
    ).toEqual({ email: ["Er bestaat al een account met dit e-mailadres."] });
    expect(
      (await refusal(admin.admin.people.invite({ ...base, organisationId: ids.cjg, role: "vt_worker" }))).fields,
    ).toEqual({ role: ["Deze rol hoort bij Veilig Thuis. Kies een rol van deze organisatie."] });
    expect(
      (await refusal(vtWorker.admin.people.invite({ ...base, organisationId: ids.vt, role: "vt_worker" }))).code,
    ).toBe("FORBIDDEN");
  });
});

describe("memberships, deactivating, reactivating and resetting the second factor", () => {
  it("changes a role, checked against what the form showed", async () => {
    const { people } = await swtCoordinator.admin.people.list();
    const worker = people.find((p) => p.email === "medewerker@swt-haarlem.example");
    if (!worker) throw new Error("no worker");
    const change = {
      membershipId: worker.membershipId,
      role: "partner_coordinator" as const,
      teamId: worker.teamId,
      expectedRole: worker.role,
      expectedTeamId: worker.teamId,
    };
    await swtCoordinator.admin.people.update(change);
    const stale = await refusal(swtCoordinator.admin.people.update(change));
    expect(stale).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/intussen/) });
    await swtCoordinator.admin.people.update({
      ...change,
      role: "partner_worker",
      expectedRole: "partner_coordinator",
    });
    const audit = await one<{ object_id: string }>(
      sql`select object_id from audit_log where object_type = 'person' order by id desc limit 1`,
    );
    expect(audit.object_id).toContain("role: partner_coordinator → partner_worker");
  });

  it("refuses a coördinator the people of another organisation", async () => {
    const cjgWorker = await one<{ user_id: string; id: string; team_id: string | null }>(
      sql`select m.user_id, m.id, m.team_id from memberships m where m.organisation_id = ${ids.cjg} limit 1`,
    );
    expect((await refusal(swtCoordinator.admin.people.deactivate({ userId: cjgWorker.user_id }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusal(swtCoordinator.admin.people.resetMfa({ userId: cjgWorker.user_id }))).code).toBe("FORBIDDEN");
    expect(
      (
        await refusal(
          swtCoordinator.admin.people.update({
            membershipId: cjgWorker.id,
            role: "partner_coordinator",
            teamId: cjgWorker.team_id,
            expectedRole: "partner_worker",
            expectedTeamId: cjgWorker.team_id,
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });

  it("ends a live session at once when a person is deactivated, and lets them back in when reactivated", async () => {
    const email = "medewerker@swt-haarlem.example";
    const { token } = await logIn({ db: test.db, email, password: DEMO_PASSWORD, meta });
    expect(await findSessionPrincipal({ db: test.db, token })).not.toBeNull();
    const userId = (await one<{ id: string }>(sql`select id from users where email = ${email}`)).id;
    const result = await swtCoordinator.admin.people.deactivate({ userId });
    expect(result.endedSessions).toBeGreaterThan(0);
    expect(await findSessionPrincipal({ db: test.db, token })).toBeNull();
    const revoked = await one<{ n: number }>(
      sql`select count(*)::int as n from sessions where user_id = ${userId} and revoked_at is null`,
    );
    expect(revoked.n).toBe(0);
    await expect(logIn({ db: test.db, email, password: DEMO_PASSWORD, meta })).rejects.toThrow();
    expect((await refusal(swtCoordinator.admin.people.deactivate({ userId }))).code).toBe("CONFLICT");
    await swtCoordinator.admin.people.reactivate({ userId });
    expect((await logIn({ db: test.db, email, password: DEMO_PASSWORD, meta })).token).toBeTruthy();
  });

  it("keeps the last active functioneel beheerder of Veilig Thuis", async () => {
    const { people } = await admin.admin.people.list();
    const self = people.find((p) => p.email === "beheer@vt-kennemerland.example");
    if (!self) throw new Error("no beheerder");
    const lost = await refusal(
      admin.admin.people.update({
        membershipId: self.membershipId,
        role: "vt_worker",
        teamId: null,
        expectedRole: "functional_admin",
        expectedTeamId: self.teamId,
      }),
    );
    expect(lost.fields).toEqual({ role: [expect.stringMatching(/laatste actieve functioneel beheerder/)] });
    expect((await refusal(admin.admin.people.deactivate({ userId: self.userId }))).message).toMatch(/uzelf/);
  });

  it("resets a person's second factor and ends their sessions, in one go", async () => {
    const email = "coordinator.haarlem@vt-kennemerland.example";
    const userId = (await one<{ id: string }>(sql`select id from users where email = ${email}`)).id;
    await logIn({ db: test.db, email, password: DEMO_PASSWORD, meta });
    const result = await admin.admin.people.resetMfa({ userId });
    expect(result.endedSessions).toBeGreaterThan(0);
    const credential = await one<{ n: number }>(
      sql`select count(*)::int as n from mfa_credentials where user_id = ${userId} and confirmed_at is not null`,
    );
    expect(credential.n).toBe(0);
    const audit = await one<{ object_id: string }>(
      sql`select object_id from audit_log where object_type = 'person.mfa_reset' order by id desc limit 1`,
    );
    expect(audit.object_id).toContain(userId);
    expect((await refusal(swtCoordinator.admin.people.resetMfa({ userId }))).code).toBe("FORBIDDEN");
  });
});

describe("withdrawing an invite", () => {
  const email = "ingetrokken@swt-haarlem.example";

  it("stops the link at once, says so in Dutch, audits it, and allows a new invite afterwards", async () => {
    const { userId } = await swtCoordinator.admin.people.invite({
      name: "Ingetrokken Collega",
      email,
      organisationId: ids.swt,
      teamId: null,
      role: "partner_worker",
    });
    const token = await inviteTokenFor(email);
    const api = await publicApi();
    expect(await api.auth.invite.get({ token })).toEqual({ state: "open" });
    expect(await swtCoordinator.admin.people.revokeInvite({ userId })).toEqual({ userId });
    expect(await api.auth.invite.get({ token })).toEqual({ state: "expired" });
    const refused = await refusal(
      api.auth.invite.accept({
        token,
        password: "lang-genoeg-wachtwoord",
        passwordConfirmation: "lang-genoeg-wachtwoord",
      }),
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/niet meer geldig/) });
    expect(
      (await one<{ password_hash: string | null }>(sql`select password_hash from users where id = ${userId}`))
        .password_hash,
    ).toBeNull();
    const audit = await one<{ object_id: string; action: string }>(
      sql`select object_id, action from audit_log where object_type = 'person.invite' order by id desc limit 1`,
    );
    expect(audit.action).toBe("update");
    expect(audit.object_id).toMatch(new RegExp(`^${userId} invite=[0-9a-f-]+: open → revoked$`));
    const listed = await swtCoordinator.admin.people.list();
    expect(listed.people.find((p) => p.userId === userId)?.invite).toBe("expired");
    const again = await refusal(swtCoordinator.admin.people.revokeInvite({ userId }));
    expect(again).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/geen openstaande uitnodiging/) });
    clock.set(new Date("2026-11-25T11:00:00Z"));
    try {
      await swtCoordinator.admin.people.reinvite({ userId });
    } finally {
      clock.set(start);
    }
    expect(await api.auth.invite.get({ token: await inviteTokenFor(email) })).toEqual({ state: "open" });
  });

  it("refuses a coördinator another organisation's person, everyone else, and a bad id — changing nothing", async () => {
    const other = "uitgenodigd@cjg-haarlemmermeer.example";
    const { userId } = await admin.admin.people.invite({
      name: "Uitgenodigd Elders",
      email: other,
      organisationId: ids.cjg,
      teamId: null,
      role: "partner_worker",
    });
    const auditRows = async () =>
      (await one<{ n: number }>(sql`select count(*)::int as n from audit_log where object_type = 'person.invite'`)).n;
    const before = await auditRows();
    expect((await refusal(swtCoordinator.admin.people.revokeInvite({ userId }))).code).toBe("FORBIDDEN");
    expect((await refusal(vtWorker.admin.people.revokeInvite({ userId }))).code).toBe("FORBIDDEN");
    expect((await refusal(admin.admin.people.revokeInvite({ userId: "geen-id" }))).code).toBe("BAD_REQUEST");
    expect((await refusal(admin.admin.people.revokeInvite({ userId: crypto.randomUUID() }))).code).toBe("NOT_FOUND");
    const api = await publicApi();
    expect(await api.auth.invite.get({ token: await inviteTokenFor(other) })).toEqual({ state: "open" });
    expect(await auditRows()).toBe(before);
    // A person who already used their invite has nothing open to withdraw.
    const used = await one<{ id: string }>(
      sql`select id from users where email = 'nieuwe.collega@swt-haarlem.example'`,
    );
    expect((await refusal(admin.admin.people.revokeInvite({ userId: used.id }))).code).toBe("CONFLICT");
  });
});

describe("correcting a person's name and e-mail address", () => {
  const email = "naam.fout@swt-haarlem.example";
  const password = "lang-genoeg-wachtwoord";

  async function invited() {
    const { people } = await swtCoordinator.admin.people.list();
    const person = people.find((p) => p.email === email);
    if (!person) throw new Error("not invited");
    return person;
  }
  const changeOf = (person: Awaited<ReturnType<typeof invited>>) => ({
    membershipId: person.membershipId,
    role: person.role,
    teamId: person.teamId,
    expectedRole: person.role,
    expectedTeamId: person.teamId,
    expectedName: person.name,
    expectedEmail: person.email,
  });
  const snapshot = async () =>
    one<{ name: string; email: string; audits: number }>(sql`select name, email,
      (select count(*)::int from audit_log where object_type = 'person') as audits
      from users where email = ${email}`);

  beforeAll(async () => {
    await swtCoordinator.admin.people.invite({
      name: "Naam Foutgespeld",
      email,
      organisationId: ids.swt,
      teamId: null,
      role: "partner_worker",
    });
    await (await publicApi()).auth.invite.accept({
      token: await inviteTokenFor(email),
      password,
      passwordConfirmation: password,
    });
  });

  it("refuses bad input, a taken address (in any case), a stale form and other people's people — changing nothing", async () => {
    const person = await invited();
    const before = await snapshot();
    const empty = await refusal(swtCoordinator.admin.people.update({ ...changeOf(person), name: " " }));
    expect(empty).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/Vul de naam in/) });
    const bad = await refusal(swtCoordinator.admin.people.update({ ...changeOf(person), email: "geen-adres" }));
    expect(bad.code).toBe("BAD_REQUEST");
    const taken = await refusal(
      swtCoordinator.admin.people.update({ ...changeOf(person), email: "Medewerker@SWT-Haarlem.example" }),
    );
    expect(taken).toMatchObject({
      code: "CONFLICT",
      fields: { email: ["Er bestaat al een account met dit e-mailadres."] },
    });
    const stale = await refusal(
      swtCoordinator.admin.people.update({ ...changeOf(person), name: "Naam Goed", expectedName: "Iemand Anders" }),
    );
    expect(stale).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/intussen/) });
    const cjg = await one<{ id: string; role: "partner_worker"; team_id: string | null; name: string; email: string }>(
      sql`select m.id, m.role, m.team_id, u.name, u.email from memberships m join users u on u.id = m.user_id
        where m.organisation_id = ${ids.cjg} limit 1`,
    );
    const elsewhere = {
      membershipId: cjg.id,
      role: cjg.role,
      teamId: cjg.team_id,
      expectedRole: cjg.role,
      expectedTeamId: cjg.team_id,
      name: "Andere Naam",
      expectedName: cjg.name,
    };
    expect((await refusal(swtCoordinator.admin.people.update(elsewhere))).code).toBe("FORBIDDEN");
    expect((await refusal(vtWorker.admin.people.update(elsewhere))).code).toBe("FORBIDDEN");
    expect(await snapshot()).toEqual(before);
    expect((await one<{ name: string }>(sql`select name from users where email = ${cjg.email}`)).name).toBe(cjg.name);
  });

  it("saves a new name and address, audits which fields changed without the values, and ends the sessions", async () => {
    const person = await invited();
    const { token } = await logIn({ db: test.db, email, password, meta });
    expect(await findSessionPrincipal({ db: test.db, token })).not.toBeNull();
    const renamed = await swtCoordinator.admin.people.update({ ...changeOf(person), name: "Naam Goed" });
    expect(renamed.endedSessions).toBeUndefined();
    expect(await findSessionPrincipal({ db: test.db, token })).not.toBeNull();
    const nameAudit = await one<{ object_id: string }>(
      sql`select object_id from audit_log where object_type = 'person' order by id desc limit 1`,
    );
    expect(nameAudit.object_id).toBe(`${person.userId} membership=${person.membershipId}; name: gewijzigd`);
    const moved = await swtCoordinator.admin.people.update({
      ...changeOf({ ...person, name: "Naam Goed" }),
      email: "  Naam.Goed@SWT-Haarlem.example ",
    });
    expect(moved.endedSessions).toBeGreaterThan(0);
    expect(await findSessionPrincipal({ db: test.db, token })).toBeNull();
    const audit = await one<{ object_id: string }>(
      sql`select object_id from audit_log where object_type = 'person' order by id desc limit 1`,
    );
    expect(audit.object_id).toBe(
      `${person.userId} membership=${person.membershipId}; email: gewijzigd; sessions ended: ${moved.endedSessions}`,
    );
    expect(audit.object_id).not.toMatch(/naam|@/i);
    const row = await one<{ name: string; email: string }>(
      sql`select name, email from users where id = ${person.userId}`,
    );
    expect(row).toEqual({ name: "Naam Goed", email: "naam.goed@swt-haarlem.example" });
    await expect(logIn({ db: test.db, email, password, meta })).rejects.toThrow();
    expect((await logIn({ db: test.db, email: "naam.goed@swt-haarlem.example", password, meta })).token).toBeTruthy();
  });
});
