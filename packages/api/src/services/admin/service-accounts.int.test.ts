import { auditLog } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForUser, createTestClock } from "../../testing/callers";
import { createServiceAccount } from "../accounts/manage-accounts";
import { findServiceAccountPrincipal } from "../auth/service-account-principal";
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
