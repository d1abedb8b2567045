import { executeRows } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { isValidBsn } from "@ketenportaal/domain";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForUser, testApiConfig } from "../../testing/callers";
import { seedDemoCases } from "../demo/seed-demo-cases";
import { seedDemoRegion } from "../demo/seed-demo-region";

const VT = "medewerker@vt-kennemerland.example";
const SWT = "medewerker@swt-haarlem.example";
let test: TestDatabase;
const now = new Date("2026-11-25T10:00:00Z");

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now, config: testApiConfig });
});
afterAll(async () => {
  await test?.drop();
});

const caller = (email: string) => callerForUser({ db: test.db, email });
const storedBsns = (caseId: string) =>
  executeRows<{ name: string; bsn: string | null }>(
    test.db,
    sql`select name, bsn from involved_persons where case_id = ${caseId} order by position`,
  );

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message, cause: error.cause };
}

describe("the BSN of a directbetrokkene", () => {
  it("gives every demo person with a BSN an elfproef-valid one", async () => {
    const rows = await executeRows<{ bsn: string }>(
      test.db,
      sql`select bsn from involved_persons where bsn is not null`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const row of rows) expect(isValidBsn(row.bsn), row.bsn).toBe(true);
  });

  it("refuses a number that fails the elfproef with a Dutch message at the person's field, and stores nothing", async () => {
    const vt = await caller(VT);
    const before = await executeRows<{ n: number }>(test.db, sql`select count(*)::int as n from cases`);
    const refused = await refusal(
      vt.case.create({
        reference: "VT-BSN-0001",
        municipalityCode: "GM0392",
        reportedAt: new Date("2026-11-20T09:00:00Z"),
        persons: [
          { role: "parent", name: "Ouder", bsn: "123456782" },
          { role: "child", name: "Kind", bsn: "123456789" },
        ],
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(refused)).toContain("Dit BSN is niet geldig (elfproef).");
    const eight = await refusal(
      vt.case.create({
        reference: "VT-BSN-0001",
        municipalityCode: "GM0392",
        reportedAt: new Date("2026-11-20T09:00:00Z"),
        persons: [{ role: "child", name: "Kind", bsn: "12345678" }],
      }),
    );
    expect(JSON.stringify(eight)).toContain("Een BSN heeft 9 cijfers.");
    expect(await executeRows(test.db, sql`select count(*)::int as n from cases`)).toEqual(before);
  });

  it("stores it compact, shows it masked in every read, keeps it when a form sends the row back without it", async () => {
    const vt = await caller(VT);
    const created = await vt.case.create({
      reference: "VT-BSN-0002",
      municipalityCode: "GM0392",
      reportedAt: new Date("2026-11-20T09:00:00Z"),
      persons: [
        { role: "parent", name: "Ouder", bsn: "1234.56.782" },
        { role: "child", name: "Kind", bsn: "111 222 333" },
        { role: "child", name: "Baby" },
      ],
    });
    expect(await storedBsns(created.id)).toEqual([
      { name: "Ouder", bsn: "123456782" },
      { name: "Kind", bsn: "111222333" },
      { name: "Baby", bsn: null },
    ]);
    const read = await vt.case.get({ id: created.id });
    expect(read.persons.map((p) => p.bsnMasked)).toEqual(["****.**.782", "****.**.333", null]);
    expect(JSON.stringify(read)).not.toMatch(/123456782|111222333/);

    // The edit form sends each stored person's id and no BSN (it shows only the masked one); one row sets a new one,
    // one removes it, and a row whose id is not of this case gets nothing.
    const [parent, child] = read.persons;
    await vt.case.update({
      id: created.id,
      version: read.version,
      persons: [
        { id: parent?.id, role: "parent", name: "Ouder" },
        { id: child?.id, role: "child", name: "Kind", bsn: null },
        { id: crypto.randomUUID(), role: "child", name: "Baby", bsn: "249566758" },
        { id: "00000000-0000-4000-8000-000000000000", role: "other", name: "Oom" },
      ],
    });
    expect(await storedBsns(created.id)).toEqual([
      { name: "Ouder", bsn: "123456782" },
      { name: "Kind", bsn: null },
      { name: "Baby", bsn: "249566758" },
      { name: "Oom", bsn: null },
    ]);
  });

  it("shows the full number only to VT of the owning organisation on request, and puts that read on record", async () => {
    const vt = await caller(VT);
    const [person] = await executeRows<{ id: string; case_id: string; bsn: string }>(
      test.db,
      sql`select p.id, p.case_id, p.bsn from involved_persons p join cases c on c.id = p.case_id
          where c.reference = 'VT-2026-0102' and p.bsn is not null order by p.position limit 1`,
    );
    if (!person) throw new Error("demo person missing");
    expect(await vt.case.revealBsn({ personId: person.id })).toEqual({ personId: person.id, bsn: person.bsn });
    const audit = await executeRows<{ action: string; case_id: string }>(
      test.db,
      sql`select action::text, case_id from audit_log where object_type = 'involved_person.bsn' and object_id = ${person.id}`,
    );
    expect(audit).toEqual([{ action: "read", case_id: person.case_id }]);

    // The wijkteam that got the handover of this case sees the person, masked, and cannot ask for more.
    const swt = await caller(SWT);
    expect((await refusal(swt.case.revealBsn({ personId: person.id }))).code).toBe("FORBIDDEN");
    const [handover] = await executeRows<{ id: string }>(
      test.db,
      sql`select id from handovers where case_id = ${person.case_id}`,
    );
    const detail = await swt.handover.get({ id: handover?.id ?? "" });
    expect(detail.case.persons[0]?.bsnMasked).toBe(`****.**.${person.bsn.slice(-3)}`);
    expect(JSON.stringify(detail)).not.toContain(person.bsn);
  });
});
