import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "./client";
import { cases, involvedPersons, municipalities, organisations, regions } from "./schema";
import { withSystemTask } from "./system-task";
import { createTestDatabase, type TestDatabase } from "./testing";
import { withRequest } from "./with-request";

let test: TestDatabase;
let vt: string;
let partner: string;
let personId: string;

beforeAll(async () => {
  test = await createTestDatabase();
  const orgs = await test.db
    .insert(organisations)
    .values([
      { slug: "vt-bsn", name: "VT", kind: "vt" },
      { slug: "swt-bsn", name: "SWT", kind: "local_team" },
    ])
    .returning({ id: organisations.id });
  vt = orgs[0]?.id ?? "";
  partner = orgs[1]?.id ?? "";
  const [region] = await test.db.insert(regions).values({ slug: "r-bsn", name: "Regio" }).returning({ id: regions.id });
  await test.db.insert(municipalities).values({ code: "GM9999", name: "Testgemeente", regionId: region?.id ?? "" });
  const [created] = await test.db
    .insert(cases)
    .values({
      organisationId: vt,
      reference: "VT-BSN-1",
      municipalityCode: "GM9999",
      reportedAt: new Date(),
      safetyAssessmentDueOn: "2026-12-01",
    })
    .returning({ id: cases.id });
  const [person] = await test.db
    .insert(involvedPersons)
    .values({ caseId: created?.id ?? "", position: 1, role: "child", name: "Kind", bsn: "123456782" })
    .returning({ id: involvedPersons.id });
  personId = person?.id ?? "";
});
afterAll(async () => {
  await test?.drop();
});

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!error) return "not refused";
  const cause = (error as { cause?: unknown }).cause ?? error;
  return String((cause as { message?: string }).message ?? cause);
}

const fullBsn = (organisationId: string) =>
  withRequest(test.db, { organisationId, requestId: "bsn" }, (tx) =>
    executeRows<{ bsn: string | null }>(tx, sql`select kp_involved_person_bsn(${personId}) as bsn`),
  );

describe("the BSN column (migration 0009)", () => {
  it("keeps only the last three digits readable for a request, the owning VT organisation's included", async () => {
    const rows = await withRequest(test.db, { organisationId: vt, requestId: "bsn" }, (tx) =>
      tx
        .select({ id: involvedPersons.id, last: involvedPersons.bsnLastDigits })
        .from(involvedPersons)
        .where(eq(involvedPersons.id, personId)),
    );
    expect(rows).toEqual([{ id: personId, last: "782" }]);
    expect(
      await refusal(
        withRequest(test.db, { organisationId: vt, requestId: "bsn" }, (tx) => tx.select().from(involvedPersons)),
      ),
    ).toMatch(/permission denied/);
  });

  it("keeps the full number from the scheduled tasks too (migration 0012)", async () => {
    const asWorker = <T>(work: (tx: Parameters<Parameters<typeof withSystemTask>[2]>[0]) => Promise<T>) =>
      withSystemTask(test.db, { task: "retention" }, work);
    expect(
      await asWorker((tx) =>
        tx
          .select({ last: involvedPersons.bsnLastDigits })
          .from(involvedPersons)
          .where(eq(involvedPersons.id, personId)),
      ),
    ).toEqual([{ last: "782" }]);
    expect(await refusal(asWorker((tx) => tx.select({ bsn: involvedPersons.bsn }).from(involvedPersons)))).toMatch(
      /permission denied/,
    );
  });

  it("hands out the full number only to the organisation that owns the case", async () => {
    expect(await fullBsn(vt)).toEqual([{ bsn: "123456782" }]);
    expect(await fullBsn(partner)).toEqual([{ bsn: null }]);
    expect(
      await withRequest(test.db, { requestId: "bsn" }, (tx) =>
        executeRows<{ bsn: string | null }>(tx, sql`select kp_involved_person_bsn(${personId}) as bsn`),
      ),
    ).toEqual([{ bsn: null }]);
  });

  it("stores nine digits only", async () => {
    expect(
      await refusal(
        test.db.update(involvedPersons).set({ bsn: "1234.56.782" }).where(eq(involvedPersons.id, personId)),
      ),
    ).toMatch(/involved_persons_bsn/);
  });
});
