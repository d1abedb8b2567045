import {
  auditLog,
  memberships,
  mfaCredentials,
  mfaRecoveryCodes,
  organisations,
  serviceAccounts,
  sessions,
  users,
} from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../auth/log-in";
import { resetSecondFactor } from "../auth/mfa";
import { findServiceAccountPrincipal } from "../auth/service-account-principal";
import { DomainRefusal } from "../errors";
import { createServiceAccount, createUser, resetPassword, revokeServiceAccount } from "./manage-accounts";

let test: TestDatabase;
const operator = { onBehalfOf: "cli" };
const meta = { requestId: "test-request", clientAddress: null };

beforeAll(async () => {
  test = await createTestDatabase();
  const [organisation] = await test.db
    .insert(organisations)
    .values({ slug: "cjg-test", name: "CJG Test", kind: "cjg" })
    .returning();
  if (!organisation) throw new Error("no organisation");
});
afterAll(async () => {
  await test?.drop();
});

describe("createUser", () => {
  it("creates a person with a membership and an audit row; they can log in", async () => {
    const { userId } = await createUser({
      db: test.db,
      email: "  Nieuwe.Collega@CJG-test.example ",
      name: "Nieuwe Collega",
      password: "een-lang-wachtwoord",
      organisationSlug: "cjg-test",
      role: "partner_worker",
      operator,
    });
    const [user] = await test.db.select().from(users).where(eq(users.id, userId));
    expect(user?.email).toBe("nieuwe.collega@cjg-test.example");
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    const rows = await test.db.select().from(memberships).where(eq(memberships.userId, userId));
    expect(rows.map((r) => r.role)).toEqual(["partner_worker"]);
    const audit = await test.db.select().from(auditLog).where(eq(auditLog.objectId, userId));
    expect(audit).toMatchObject([{ action: "create", objectType: "user", onBehalfOf: "cli", purpose: "beheer" }]);

    const session = await logIn({
      db: test.db,
      email: "NIEUWE.collega@cjg-test.example",
      password: "een-lang-wachtwoord",
      meta,
    });
    expect(session.token.length).toBeGreaterThan(20);
  });

  it.each([
    [{ email: "geen-email" }, "Vul een geldig e-mailadres in."],
    [{ password: "kort" }, "Een wachtwoord heeft minstens 12 tekens."],
    [{ organisationSlug: "bestaat-niet" }, 'Organisatie "bestaat-niet" bestaat niet.'],
    [{ role: "superuser" }, "Onbekende rol"],
    [{ teamName: "Geen team" }, 'Team "Geen team" bestaat niet bij deze organisatie.'],
    [{ email: "nieuwe.collega@cjg-test.example" }, "Er bestaat al een account met dit e-mailadres."],
  ])("refuses %o with a Dutch message and writes nothing", async (change, message) => {
    const before = await test.db.select().from(users);
    const attempt = createUser({
      db: test.db,
      email: "ander@cjg-test.example",
      name: "Ander",
      password: "een-lang-wachtwoord",
      organisationSlug: "cjg-test",
      role: "partner_worker",
      operator,
      ...(change as object),
    });
    await expect(attempt).rejects.toBeInstanceOf(DomainRefusal);
    await expect(attempt).rejects.toThrow(message);
    expect(await test.db.select().from(users)).toHaveLength(before.length);
  });
});

describe("resetPassword", () => {
  it("replaces the password: the old one stops working", async () => {
    await resetPassword({
      db: test.db,
      email: "nieuwe.collega@cjg-test.example",
      password: "nog-een-lang-wachtwoord",
      operator,
    });
    await expect(
      logIn({ db: test.db, email: "nieuwe.collega@cjg-test.example", password: "een-lang-wachtwoord", meta }),
    ).rejects.toThrow("E-mailadres of wachtwoord is onjuist.");
    await expect(
      logIn({ db: test.db, email: "nieuwe.collega@cjg-test.example", password: "nog-een-lang-wachtwoord", meta }),
    ).resolves.toHaveProperty("token");
  });

  it("says so when there is no such account", async () => {
    await expect(
      resetPassword({ db: test.db, email: "niemand@cjg-test.example", password: "een-lang-wachtwoord", operator }),
    ).rejects.toThrow("Er bestaat geen account met dit e-mailadres.");
  });
});

describe("createServiceAccount", () => {
  it("stores only a hash of the token it returns", async () => {
    const { serviceAccountId, token } = await createServiceAccount({
      db: test.db,
      organisationSlug: "cjg-test",
      name: "Koppeling",
      operator,
    });
    expect(token).toMatch(/^kpsa_[A-Za-z0-9_-]{43}$/);
    const [row] = await test.db.select().from(serviceAccounts).where(eq(serviceAccounts.id, serviceAccountId));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
  });
});

describe("revokeServiceAccount", () => {
  it("stops the token at once, audits it, and refuses a second revocation", async () => {
    const { serviceAccountId, token } = await createServiceAccount({
      db: test.db,
      organisationSlug: "cjg-test",
      name: "In te trekken koppeling",
      operator,
    });
    expect(await findServiceAccountPrincipal({ db: test.db, token })).not.toBeNull();

    const { revokedAt } = await revokeServiceAccount({ db: test.db, serviceAccountId, operator });
    expect(await findServiceAccountPrincipal({ db: test.db, token })).toBeNull();
    const [row] = await test.db.select().from(serviceAccounts).where(eq(serviceAccounts.id, serviceAccountId));
    expect(row?.revokedAt?.getTime()).toBe(revokedAt.getTime());
    const audit = await test.db.select().from(auditLog).where(eq(auditLog.objectId, serviceAccountId));
    expect(audit.map((entry) => entry.objectType)).toContain("service_account.revoke");

    await expect(revokeServiceAccount({ db: test.db, serviceAccountId, operator })).rejects.toThrow(
      "Dit serviceaccount is al ingetrokken.",
    );
  });

  it("says so for an unknown or malformed id", async () => {
    await expect(
      revokeServiceAccount({ db: test.db, serviceAccountId: "00000000-0000-4000-8000-000000000000", operator }),
    ).rejects.toThrow("Er bestaat geen serviceaccount met dit id.");
    await expect(revokeServiceAccount({ db: test.db, serviceAccountId: "abc", operator })).rejects.toBeInstanceOf(
      DomainRefusal,
    );
  });
});

describe("resetSecondFactor", () => {
  it("takes the second factor and recovery codes away and ends every session", async () => {
    const email = "tweestaps@cjg-test.example";
    const { userId } = await createUser({
      db: test.db,
      email,
      name: "Twee Staps",
      password: "een-lang-wachtwoord",
      organisationSlug: "cjg-test",
      role: "partner_worker",
      operator,
    });
    await test.db
      .insert(mfaCredentials)
      .values({ userId, totpSecret: "JBSWY3DPEHPK3PXP", confirmedAt: new Date(), lastTimeStep: 1 });
    await test.db.insert(mfaRecoveryCodes).values({ userId, codeHash: "a".repeat(64) });
    const before = await logIn({ db: test.db, email, password: "een-lang-wachtwoord", meta });
    expect(before.next).toBe("verify");

    const { endedSessions } = await resetSecondFactor({ db: test.db, email: " TweeStaps@cjg-test.example", operator });
    expect(endedSessions).toBe(1);
    const [credential] = await test.db.select().from(mfaCredentials).where(eq(mfaCredentials.userId, userId));
    expect(credential?.confirmedAt).toBeNull();
    expect(credential?.totpSecret).not.toBe("JBSWY3DPEHPK3PXP");
    expect(await test.db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId))).toEqual([]);
    const open = await test.db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(open.every((session) => session.revokedAt !== null)).toBe(true);
    const audit = await test.db.select().from(auditLog).where(eq(auditLog.objectId, userId));
    expect(audit.map((entry) => entry.objectType)).toContain("user.mfa_reset");

    // Not required for this role: the next login needs the password only.
    const after = await logIn({ db: test.db, email, password: "een-lang-wachtwoord", meta });
    expect(after.next).toBe("done");
  });

  it("says so when there is no such account", async () => {
    await expect(resetSecondFactor({ db: test.db, email: "niemand@cjg-test.example", operator })).rejects.toThrow(
      "Er bestaat geen account met dit e-mailadres.",
    );
  });
});
