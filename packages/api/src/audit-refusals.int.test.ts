import { auditLog, executeRows } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { TRPCError } from "@trpc/server";
import { desc, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCases } from "./services/demo/seed-demo-cases";
import { seedDemoRegion } from "./services/demo/seed-demo-region";
import { callerForServiceAccount, callerForUser, createTestClock, testApiConfig } from "./testing/callers";

/**
 * NEN 7513: a refused call is on record. Its own transaction is rolled back whole, and one `failure` row of the
 * audit log remains — nothing else.
 */

let test: TestDatabase;
const now = new Date("2026-11-25T10:00:00Z");
type Caller = Awaited<ReturnType<typeof callerForUser>>;
let vt: Caller;
let cjg: Caller;
let ids: { cjgUser: string; cjgOrg: string; swtOrg: string };

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now, config: testApiConfig });
  const clock = createTestClock(now);
  vt = await callerForUser({ db: test.db, email: "coordinator.haarlem@vt-kennemerland.example", clock });
  cjg = await callerForUser({ db: test.db, email: "medewerker@cjg-haarlemmermeer.example", clock });
  const [row] = await executeRows<{ cjg_user: string; cjg_org: string; swt_org: string }>(
    test.db,
    sql`select (select id from users where email = 'medewerker@cjg-haarlemmermeer.example') as cjg_user,
               (select id from organisations where slug = 'cjg-haarlemmermeer') as cjg_org,
               (select id from organisations where slug = 'swt-haarlem') as swt_org`,
  );
  if (!row) throw new Error("demo missing");
  ids = { cjgUser: row.cjg_user, cjgOrg: row.cjg_org, swtOrg: row.swt_org };
}, 120_000);
afterAll(async () => {
  await test?.drop();
});

/** One digest of every table but the audit log. */
async function otherTables(): Promise<string> {
  const tables = await executeRows<{ name: string }>(
    test.db,
    sql`select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'audit_log'
        order by tablename`,
  );
  const parts = tables.map(
    ({ name }) =>
      sql`coalesce((select md5(string_agg(t::text, '|' order by t::text)) from ${sql.identifier(name)} t), '')`,
  );
  const [row] = await executeRows<{ digest: string }>(
    test.db,
    sql`select md5(concat_ws(',', ${sql.join(parts, sql`, `)})) as digest`,
  );
  return row?.digest ?? "";
}

/** Runs a call that must be refused: its code, the audit rows written, and whether anything else changed. */
async function refused(call: () => Promise<unknown>) {
  const [last] = await test.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const before = await otherTables();
  const error = await call().then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  const rows = await test.db
    .select()
    .from(auditLog)
    .where(gt(auditLog.id, last?.id ?? 0))
    .orderBy(auditLog.id);
  return { code: error.code, rows, unchanged: (await otherTables()) === before };
}

async function handoverAddressedTo(organisationId: string, status = "offered") {
  const [row] = await executeRows<{ id: string; version: number; case_id: string }>(
    test.db,
    sql`select id, version, case_id from handovers where target_organisation_id = ${organisationId}
        and status = ${status} order by created_at limit 1`,
  );
  if (!row) throw new Error(`no ${status} handover`);
  return row;
}

describe("a refused call leaves exactly one failure row", () => {
  it("handover.get of another organisation's handover: NOT_FOUND, one read row with outcome failure", async () => {
    const handover = await handoverAddressedTo(ids.swtOrg);
    const { code, rows, unchanged } = await refused(() => cjg.handover.get({ id: handover.id }));
    expect(code).toBe("NOT_FOUND");
    expect(unchanged).toBe(true);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: ids.cjgUser,
      serviceAccountId: null,
      organisationId: ids.cjgOrg,
      role: "partner_worker",
      purpose: "handover",
      action: "read",
      objectType: "handover",
      objectId: handover.id,
      caseId: null,
      outcome: "failure",
      requestId: "test-request",
      clientAddress: "127.0.0.1",
      occurredAt: now,
    });
  });

  it("a mutation refused for its role (FORBIDDEN) is an update attempt named after the procedure", async () => {
    const handover = await handoverAddressedTo(ids.swtOrg);
    const { code, rows, unchanged } = await refused(() =>
      vt.handover.accept({ id: handover.id, version: handover.version }),
    );
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(code);
    expect(unchanged).toBe(true);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "update",
      objectType: "handover.accept",
      objectId: handover.id,
      outcome: "failure",
      role: "team_coordinator",
    });
  });

  it("a conflict (stale version) rolls back the change and its success row, and records the failure", async () => {
    const [draft] = await executeRows<{ id: string; version: number }>(
      test.db,
      sql`select id, version from handovers where status = 'draft' order by created_at limit 1`,
    );
    if (!draft) throw new Error("no draft");
    const { code, rows, unchanged } = await refused(() =>
      vt.handover.update({ id: draft.id, version: draft.version + 5, concerns: "Nieuw." }),
    );
    expect(code).toBe("CONFLICT");
    expect(unchanged).toBe(true);
    expect(rows.map((row) => [row.objectType, row.outcome])).toEqual([["handover.update", "failure"]]);
  });

  it("a case id in the input is recorded, so the case's owner finds the attempt", async () => {
    const handover = await handoverAddressedTo(ids.swtOrg);
    const { rows } = await refused(() =>
      cjg.vv.create({ caseId: handover.case_id, partnerOrganisationId: ids.cjgOrg, partnerWorkerUserId: ids.cjgUser }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "create", objectType: "vv_trajectory.create", caseId: handover.case_id });
  });

  it("a partner system's refusal names the service account", async () => {
    const system = await callerForServiceAccount({ db: test.db, organisationSlug: "cjg-haarlemmermeer" });
    const handover = await handoverAddressedTo(ids.swtOrg);
    const { code, rows } = await refused(() => system.handover.get({ id: handover.id }));
    expect(code).toBe("NOT_FOUND");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.userId).toBeNull();
    expect(rows[0]?.serviceAccountId).toBeTruthy();
    expect(rows[0]).toMatchObject({ organisationId: ids.cjgOrg, outcome: "failure", objectType: "handover" });
  });

  it("input that fails the schema reached no record: no row, nothing changed", async () => {
    const { code, rows, unchanged } = await refused(() => cjg.handover.get({ id: "'; drop table cases; --" }));
    expect(code).toBe("BAD_REQUEST");
    expect(rows).toEqual([]);
    expect(unchanged).toBe(true);
  });
});
