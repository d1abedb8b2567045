import { auditLog, executeRows } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiCaller } from "../../router";
import { callerForUser, createTestClock, type TestClock, testApiConfig } from "../../testing/callers";
import { logIn } from "../auth/log-in";
import { completeSecondFactor, findSessionPrincipal } from "../auth/sessions";
import { DEMO_PASSWORD } from "../demo/demo-region";
import { seedDemoCases } from "../demo/seed-demo-cases";
import { seedDemoRegion } from "../demo/seed-demo-region";

let test: TestDatabase;
let clock: TestClock;
const now = new Date("2026-11-25T10:00:00Z");
const meta = { requestId: "audit-search", clientAddress: "192.0.2.7" };
type Caller = ReturnType<typeof createApiCaller>;
let admin: Caller;
let ids: { vt: string; swt: string; swtWorker: string; handover: string; caseId: string; reference: string };

/** A caller whose session passed the second factor, as after the code step. */
async function callerWithMfa(email: string): Promise<Caller> {
  const { token } = await logIn({ db: test.db, email, password: DEMO_PASSWORD, meta, now });
  const session = await findSessionPrincipal({ db: test.db, token, now });
  if (!session) throw new Error(`no session for ${email}`);
  const verified = await completeSecondFactor({ tx: test.db, sessionId: session.sessionId, now });
  const principal = await findSessionPrincipal({ db: test.db, token: verified.token, now });
  if (principal?.kind !== "user" || !principal.mfa) throw new Error("no MFA session");
  return createApiCaller({ db: test.db, principal, meta, config: testApiConfig, now: clock.now });
}

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now, config: testApiConfig });
  clock = createTestClock(now);
  admin = await callerWithMfa("beheer@vt-kennemerland.example");
  const [row] = await executeRows<{
    vt: string;
    swt: string;
    swt_worker: string;
    handover: string;
    case_id: string;
    reference: string;
  }>(
    test.db,
    sql`select o.id as vt, (select id from organisations where slug = 'swt-haarlem') as swt,
               (select id from users where email = 'medewerker@swt-haarlem.example') as swt_worker,
               h.id as handover, c.id as case_id, c.reference
        from handovers h join cases c on c.id = h.case_id join organisations o on o.id = c.organisation_id
        join teams t on t.id = h.target_team_id
        where h.status = 'offered' and t.name = 'Wijkteam Haarlem' limit 1`,
  );
  if (!row) throw new Error("demo missing");
  ids = {
    vt: row.vt,
    swt: row.swt,
    swtWorker: row.swt_worker,
    handover: row.handover,
    caseId: row.case_id,
    reference: row.reference,
  };
  // The partner reads the package late on 25 November, Amsterdam time (23:30 UTC is already the 26th there).
  clock.set("2026-11-25T23:30:00Z");
  const partner = await callerForUser({ db: test.db, email: "medewerker@swt-haarlem.example", clock });
  await partner.handover.get({ id: ids.handover });
  // And someone of another partner tries the same handover, and is refused.
  const stranger = await callerForUser({ db: test.db, email: "medewerker@wijkteam-velsen.example", clock });
  await expect(stranger.handover.get({ id: ids.handover })).rejects.toMatchObject({ code: "NOT_FOUND" });
  clock.set("2026-11-27T09:00:00Z");
}, 120_000);
afterAll(async () => {
  await test?.drop();
});

describe("admin.audit.search", () => {
  it("finds who read a case, with names, newest first, and puts the search itself on record with ids only", async () => {
    const { caseId: resolvedCase, userId } = await admin.admin.audit.resolveFilters({
      caseReference: ids.reference,
      userEmail: "Medewerker@SWT-Haarlem.example",
    });
    expect(resolvedCase).toBe(ids.caseId);
    expect(userId).toBe(ids.swtWorker);

    const page = await admin.admin.audit.search({ caseId: ids.caseId, limit: 100 });
    const read = page.items.find((row) => row.objectId === ids.handover && row.user?.id === ids.swtWorker);
    expect(read).toMatchObject({
      purpose: "handover",
      action: "read",
      objectType: "handover",
      outcome: "success",
      role: "partner_worker",
      user: { name: "Sanne Visser", email: "medewerker@swt-haarlem.example" },
      organisation: { id: ids.swt, name: expect.any(String) },
      case: { id: ids.caseId, reference: ids.reference },
    });
    expect(page.filters.case).toEqual({ id: ids.caseId, reference: ids.reference });
    const times = page.items.map((row) => row.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const [own] = await test.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(own).toMatchObject({
      purpose: "beheer",
      action: "read",
      objectType: "audit_log",
      objectId: `case=${ids.caseId}`,
      caseId: ids.caseId,
      outcome: "success",
      requestId: "audit-search",
    });
    // The resolution is on record with the ids found, never what was typed.
    const resolutions = await test.db.select().from(auditLog).where(eq(auditLog.objectType, "audit_log.filters"));
    expect(resolutions.map((row) => row.objectId)).toEqual([`case=${ids.caseId} user=${ids.swtWorker}`]);
    expect(JSON.stringify(resolutions)).not.toContain("@");
  });

  it("filters by user, organisation, outcome and period in Amsterdam days", async () => {
    const byUser = await admin.admin.audit.search({ userId: ids.swtWorker, limit: 100 });
    expect(byUser.items.length).toBeGreaterThan(0);
    expect(byUser.items.every((row) => row.user?.id === ids.swtWorker)).toBe(true);
    expect(byUser.filters.user).toMatchObject({ id: ids.swtWorker, email: "medewerker@swt-haarlem.example" });

    const byOrganisation = await admin.admin.audit.search({ organisationId: ids.swt, limit: 100 });
    expect(byOrganisation.items.every((row) => row.organisation?.id === ids.swt)).toBe(true);

    // 23:30 UTC on the 25th is the 26th in Amsterdam: found on the 26th, not on the 25th.
    const on26 = await admin.admin.audit.search({
      from: "2026-11-26",
      to: "2026-11-26",
      userId: ids.swtWorker,
      limit: 100,
    });
    expect(on26.items.map((row) => row.objectId)).toContain(ids.handover);
    const on25 = await admin.admin.audit.search({
      from: "2026-11-25",
      to: "2026-11-25",
      userId: ids.swtWorker,
      limit: 100,
    });
    expect(on25.items.map((row) => row.objectId)).not.toContain(ids.handover);

    // The refused attempt of the other partner is the other organisation's row about no case of ours: not shown.
    const failures = await admin.admin.audit.search({ outcome: "failure", limit: 100 });
    expect(failures.items.every((row) => row.outcome === "failure")).toBe(true);
    expect(failures.items.some((row) => row.objectId === ids.handover)).toBe(false);

    await expect(admin.admin.audit.search({ from: "2026-11-26", to: "2026-11-25" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("pages newest first without skipping or repeating a row", async () => {
    const all = await admin.admin.audit.search({ limit: 100 });
    expect(all.nextCursor).toBeNull();
    const seen: { id: string; at: number }[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await admin.admin.audit.search({ limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((row) => ({ id: row.id, at: row.occurredAt.getTime() })));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    // Every row the one big page showed, once each, in order (each search adds its own row, newer than all).
    expect(new Set(seen.map((row) => row.id)).size).toBe(seen.length);
    expect(seen.map((row) => row.id)).toEqual(expect.arrayContaining(all.items.map((row) => row.id)));
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1], seen[i]];
      if (a && b) expect(a.at > b.at || (a.at === b.at && Number(a.id) > Number(b.id))).toBe(true);
    }
    await expect(admin.admin.audit.search({ limit: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses a reference or address it does not know, per field in Dutch", async () => {
    await expect(
      admin.admin.audit.resolveFilters({ caseReference: "VT-0000-0000", userEmail: "niemand@example.org" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        fieldErrors: {
          caseReference: ["Er is geen casus met dit kenmerk."],
          userEmail: ["Er is geen gebruiker met dit e-mailadres."],
        },
      },
    });
  });

  it("is refused without the second factor, and to everyone but the functioneel beheerder", async () => {
    const withoutMfa = await callerForUser({ db: test.db, email: "beheer@vt-kennemerland.example", clock });
    await expect(withoutMfa.admin.audit.search({})).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Voor deze functie moet u inloggen met tweestapsverificatie.",
    });
    const coordinator = await callerWithMfa("coordinator.haarlem@vt-kennemerland.example");
    await expect(coordinator.admin.audit.search({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
