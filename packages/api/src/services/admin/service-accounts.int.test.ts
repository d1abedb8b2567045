import { auditLog, organisations, serviceAccounts } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { and, count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { callerForToken, callerForUser, createTestClock } from "../../testing/callers";
import { createServiceAccount, createUser } from "../accounts/manage-accounts";
import { findServiceAccountPrincipal } from "../auth/service-account-principal";
import { hashToken } from "../auth/tokens";
import { DEMO_PASSWORD } from "../demo/demo-region";
import { seedDemoRegion } from "../demo/seed-demo-region";

type Caller = Awaited<ReturnType<typeof callerForUser>>;
let test: TestDatabase;
let admin: Caller;
let partnerCoordinator: Caller;
let swt: { serviceAccountId: string; token: string };
let cjg: { serviceAccountId: string; token: string };
const now = new Date("2026-11-25T10:00:00Z");
const operator = { onBehalfOf: "test" };

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  const clock = createTestClock(now);
  admin = await callerForUser({ db: test.db, email: "beheer@vt-kennemerland.example", clock });
  partnerCoordinator = await callerForUser({ db: test.db, email: "coordinator@swt-haarlem.example", clock });
  swt = await createServiceAccount({ db: test.db, organisationSlug: "swt-haarlem", name: "Registratie SWT", operator });
  cjg = await createServiceAccount({
    db: test.db,
    organisationSlug: "cjg-haarlemmermeer",
    name: "Registratie CJG",
    expiresAt: new Date("2026-11-01T00:00:00Z"),
    operator,
  });
});
afterAll(async () => {
  await test?.drop();
});

describe("the beheerder's view on partner systems' access", () => {
  it("lists every organisation's service accounts with their state, never a token or its hash", async () => {
    const { items } = await admin.admin.serviceAccounts.list();
    expect(items.map((item) => [item.name, item.status])).toEqual([
      ["Registratie CJG", "expired"],
      ["Registratie SWT", "active"],
    ]);
    const serialised = JSON.stringify(items);
    expect(serialised).not.toContain(swt.token);
    expect(serialised).not.toMatch(/hash/i);
    const [audit] = await test.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "service_account"), eq(auditLog.action, "read")));
    expect(audit?.objectId?.split(" ").sort()).toEqual([swt.serviceAccountId, cjg.serviceAccountId].sort());
  });

  it("is refused to a partner coördinator, who cannot revoke either", async () => {
    await expect(partnerCoordinator.admin.serviceAccounts.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(partnerCoordinator.admin.serviceAccounts.revoke({ id: swt.serviceAccountId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await findServiceAccountPrincipal({ db: test.db, token: swt.token })).not.toBeNull();
  });

  it("revokes an account at once, on record, and says so when it was revoked already", async () => {
    const revoked = await admin.admin.serviceAccounts.revoke({ id: swt.serviceAccountId });
    expect(revoked).toEqual({ id: swt.serviceAccountId, revokedAt: now });
    expect(await findServiceAccountPrincipal({ db: test.db, token: swt.token })).toBeNull();
    const audit = await test.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.objectId, swt.serviceAccountId),
          eq(auditLog.action, "execute"),
          // The partner coördinator's refused attempt above is on record too, as a failure.
          eq(auditLog.outcome, "success"),
        ),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ purpose: "beheer", objectType: "service_account", outcome: "success" });

    await expect(admin.admin.serviceAccounts.revoke({ id: swt.serviceAccountId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Dit serviceaccount is al ingetrokken.",
    });
    await expect(admin.admin.serviceAccounts.revoke({ id: crypto.randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const { items } = await admin.admin.serviceAccounts.list();
    expect(items.find((item) => item.id === swt.serviceAccountId)?.status).toBe("revoked");
  });
});

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

async function organisationId(slug: string): Promise<string> {
  const [row] = await test.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(`no organisation ${slug}`);
  return row.id;
}

const successfulCreation = and(eq(auditLog.action, "create"), eq(auditLog.outcome, "success"));
const accountCount = async () => (await test.db.select({ n: count() }).from(serviceAccounts))[0]?.n;

describe("creating a partner system's access on the beheer page", () => {
  it("returns the token once, stores only its hash, and the token acts for that organisation until its last day", async () => {
    const cjgId = await organisationId("cjg-haarlemmermeer");
    const created = await admin.admin.serviceAccounts.create({
      organisationId: cjgId,
      name: "  Jeugdsysteem CJG  ",
      expiresOn: "2027-11-25",
    });
    expect(created).toMatchObject({
      name: "Jeugdsysteem CJG",
      organisation: { id: cjgId, name: "CJG Haarlemmermeer" },
      // Up to and including 25 November 2027 in Amsterdam: the token stops at midnight there (CET, UTC+1).
      expiresAt: new Date("2027-11-25T23:00:00Z"),
    });
    expect(created.token).toMatch(/^kpsa_[A-Za-z0-9_-]{43}$/);

    const [row] = await test.db.select().from(serviceAccounts).where(eq(serviceAccounts.id, created.id));
    expect(row).toMatchObject({ organisationId: cjgId, tokenHash: hashToken(created.token), createdAt: now });
    expect(JSON.stringify(row)).not.toContain(created.token);

    const system = await callerForToken({ db: test.db, token: created.token });
    const me = await system.me();
    expect(me).toMatchObject({ organisation: { id: cjgId } });
    await system.handover.inbox();
    const { items } = await admin.admin.serviceAccounts.list();
    const listed = items.find((item) => item.id === created.id);
    expect(listed).toMatchObject({ status: "active", expiresAt: created.expiresAt });
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(items)).not.toContain(created.token);

    const lastMoment = new Date(created.expiresAt.getTime() - 1);
    expect(await findServiceAccountPrincipal({ db: test.db, token: created.token, now: lastMoment })).not.toBeNull();
    expect(await findServiceAccountPrincipal({ db: test.db, token: created.token, now: created.expiresAt })).toBeNull();

    const audit = await test.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.objectType, "service_account"),
          eq(auditLog.action, "create"),
          like(auditLog.objectId, `${created.id}%`),
        ),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      purpose: "beheer",
      outcome: "success",
      objectId: `${created.id} created: organisation ${cjgId}, expires 2027-11-25T23:00:00.000Z`,
    });
    expect(audit[0]?.userId).not.toBeNull();
    expect(JSON.stringify(audit)).not.toContain(created.token);
    expect(JSON.stringify(audit)).not.toContain(hashToken(created.token));
  });

  it("refuses a second active account of one organisation under the same name, but not once the first is revoked", async () => {
    const swtId = await organisationId("swt-haarlem");
    const first = await admin.admin.serviceAccounts.create({
      organisationId: swtId,
      name: "Dossiersysteem",
      expiresOn: "2027-01-31",
    });
    const before = await accountCount();
    await expect(
      withFields(
        admin.admin.serviceAccounts.create({ organisationId: swtId, name: "dossiersysteem", expiresOn: "2027-02-28" }),
      ),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      data: { fieldErrors: { name: [expect.stringMatching(/al een actieve koppeling met deze naam/)] } },
    });
    // The CLI keeps the same rule: it is one function.
    await expect(
      createServiceAccount({ db: test.db, organisationSlug: "swt-haarlem", name: "Dossiersysteem", operator }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // Another organisation may use the name.
    await admin.admin.serviceAccounts.create({
      organisationId: await organisationId("wijkteam-velsen"),
      name: "Dossiersysteem",
      expiresOn: "2027-01-31",
    });
    expect(await accountCount()).toBe((before ?? 0) + 1);

    await admin.admin.serviceAccounts.revoke({ id: first.id });
    const second = await admin.admin.serviceAccounts.create({
      organisationId: swtId,
      name: "Dossiersysteem",
      expiresOn: "2027-02-28",
    });
    expect(second.id).not.toBe(first.id);
  });

  it("refuses bad input at the field and changes nothing", async () => {
    const swtId = await organisationId("swt-haarlem");
    const inactive = await test.db
      .insert(organisations)
      .values({ slug: "gesloten-wijkteam", name: "Gesloten wijkteam", kind: "local_team", active: false })
      .returning({ id: organisations.id });
    const before = await accountCount();
    const auditBefore = (await test.db.select({ n: count() }).from(auditLog).where(successfulCreation))[0];
    const cases: [Parameters<typeof admin.admin.serviceAccounts.create>[0], string, RegExp][] = [
      [{ organisationId: swtId, name: "Te laat", expiresOn: "2026-11-25" }, "expiresOn", /na vandaag/],
      [{ organisationId: swtId, name: "Verleden", expiresOn: "2026-10-01" }, "expiresOn", /na vandaag/],
      [{ organisationId: swtId, name: "Te ver", expiresOn: "2028-11-26" }, "expiresOn", /binnen twee jaar/],
      [{ organisationId: swtId, name: "Geen datum", expiresOn: "" }, "expiresOn", /datum in waarop/],
      [{ organisationId: swtId, name: "Onzin", expiresOn: "2027-02-30" }, "expiresOn", /geldige datum/],
      [{ organisationId: swtId, name: " ", expiresOn: "2027-01-01" }, "name", /naam voor de koppeling/],
      [{ organisationId: "geen-id", name: "Iets", expiresOn: "2027-01-01" }, "organisationId", /Kies een organisatie/],
      [
        { organisationId: inactive[0]?.id ?? "", name: "Iets", expiresOn: "2027-01-01" },
        "organisationId",
        /niet actief/,
      ],
      [
        { organisationId: crypto.randomUUID(), name: "Iets", expiresOn: "2027-01-01" },
        "organisationId",
        /bestaat niet/,
      ],
    ];
    for (const [input, field, message] of cases) {
      await expect(withFields(admin.admin.serviceAccounts.create(input)), JSON.stringify(input)).rejects.toMatchObject({
        data: { fieldErrors: { [field]: [expect.stringMatching(message)] } },
      });
    }
    // Two years ahead is the last day allowed; the list tells the form.
    expect((await admin.admin.serviceAccounts.list()).expiryBounds).toEqual({
      earliestOn: "2026-11-26",
      defaultOn: "2027-11-25",
      latestOn: "2028-11-25",
    });
    await admin.admin.serviceAccounts.create({ organisationId: swtId, name: "Twee jaar", expiresOn: "2028-11-25" });
    expect(await accountCount()).toBe((before ?? 0) + 1);
    const auditAfter = (await test.db.select({ n: count() }).from(auditLog).where(successfulCreation))[0];
    expect(auditAfter?.n).toBe((auditBefore?.n ?? 0) + 1);
  });

  it("is for VT's functioneel beheerder only: everyone else is refused, on record, and nothing is created", async () => {
    await createUser({
      db: test.db,
      email: "beheer@swt-haarlem.example",
      name: "Beheerder SWT",
      password: DEMO_PASSWORD,
      organisationSlug: "swt-haarlem",
      role: "functional_admin",
      operator,
    });
    const clock = createTestClock(now);
    const partnerAdmin = await callerForUser({ db: test.db, email: "beheer@swt-haarlem.example", clock });
    const vtWorker = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
    const swtId = await organisationId("swt-haarlem");
    const input = { organisationId: swtId, name: "Niet toegestaan", expiresOn: "2027-01-01" };
    const before = await accountCount();
    await expect(partnerAdmin.admin.serviceAccounts.create(input)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Koppelingen worden aangemaakt door de functioneel beheerder van Veilig Thuis.",
    });
    for (const caller of [partnerCoordinator, vtWorker]) {
      await expect(caller.admin.serviceAccounts.create(input)).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringMatching(/functioneel beheerder/),
      });
    }
    // A partner system is no person, let alone a beheerder.
    const live = await createServiceAccount({
      db: test.db,
      organisationSlug: "cjg-haarlemmermeer",
      name: "Live",
      operator,
    });
    const liveSystem = await callerForToken({ db: test.db, token: live.token });
    await expect(liveSystem.admin.serviceAccounts.create(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await accountCount()).toBe((before ?? 0) + 1);
    const refused = await test.db
      .select()
      .from(auditLog)
      .where(and(like(auditLog.objectType, "service_account%"), eq(auditLog.outcome, "failure")));
    expect(refused.length).toBeGreaterThanOrEqual(3);
  });
});
