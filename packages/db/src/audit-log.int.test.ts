import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, organisations } from "./schema";
import { withSystemTask } from "./system-task";
import { createTestDatabase, type TestDatabase } from "./testing";
import { withRequest } from "./with-request";

let test: TestDatabase;
let organisationId: string;
let rowId: number;

beforeAll(async () => {
  test = await createTestDatabase();
  const [organisation] = await test.db
    .insert(organisations)
    .values({ slug: "vt-test", name: "VT Test", kind: "vt" })
    .returning({ id: organisations.id });
  if (!organisation) throw new Error("insert returned nothing");
  organisationId = organisation.id;
});
afterAll(async () => {
  await test?.drop();
});

/** The error PostgreSQL gave, under drizzle's "Failed query" wrapper. */
async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!error) return "not refused";
  const cause = (error as { cause?: unknown }).cause ?? error;
  return String((cause as { message?: string }).message ?? cause);
}

describe("the audit log (NEN 7513)", () => {
  it("lets a request append a row", async () => {
    // Without RETURNING: reading the log back needs the read policy (a functioneel beheerder), not this request.
    await withRequest(test.db, { organisationId, requestId: "r1" }, (tx) =>
      tx.insert(auditLog).values({
        organisationId,
        purpose: "handover",
        action: "read",
        objectType: "handover",
        outcome: "success",
        requestId: "r1",
      }),
    );
    const [row] = await test.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.requestId, "r1"));
    expect(row?.id).toBeGreaterThan(0);
    rowId = row?.id ?? 0;
  });

  it("refuses the application role an UPDATE or DELETE (no grant)", async () => {
    const actor = { organisationId, requestId: "r2" };
    expect(
      await refusal(
        withRequest(test.db, actor, (tx) =>
          tx.update(auditLog).set({ outcome: "failure" }).where(eq(auditLog.id, rowId)),
        ),
      ),
    ).toMatch(/permission denied/);
    expect(
      await refusal(withRequest(test.db, actor, (tx) => tx.delete(auditLog).where(eq(auditLog.id, rowId)))),
    ).toMatch(/permission denied/);
  });

  it("refuses the worker role too", async () => {
    expect(
      await refusal(
        withSystemTask(test.db, { task: "cli" }, (tx) =>
          tx.update(auditLog).set({ outcome: "failure" }).where(eq(auditLog.id, rowId)),
        ),
      ),
    ).toMatch(/permission denied/);
  });

  it("refuses even the owner: a trigger raises on UPDATE, DELETE and TRUNCATE", async () => {
    expect(await refusal(test.db.update(auditLog).set({ outcome: "failure" }).where(eq(auditLog.id, rowId)))).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await refusal(test.db.delete(auditLog).where(eq(auditLog.id, rowId)))).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await refusal(test.db.execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE refused/);
    const [row] = await test.db.select().from(auditLog).where(eq(auditLog.id, rowId));
    expect(row).toMatchObject({ outcome: "success", purpose: "handover", action: "read" });
  });
});
