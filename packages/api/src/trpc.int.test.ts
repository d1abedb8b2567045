import { auditLog, executeRows } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiContext } from "./context";
import { DomainRefusal } from "./services/errors";
import { authedProcedure, createCallerFactory, requireRole, router } from "./trpc";

/** A row the application role may write in any request (the test procedures run as that role). */
function testAudit(objectType: string) {
  return { purpose: "test", action: "create" as const, objectType, outcome: "success" as const };
}

let test: TestDatabase;
let context: ApiContext;

const probeRouter = router({
  settings: authedProcedure.query(async ({ ctx }) => {
    const [row] = await executeRows<{ user_id: string; organisation_id: string; request_id: string }>(
      ctx.tx,
      sql`select current_setting('app.user_id', true) as user_id,
                 current_setting('app.organisation_id', true) as organisation_id,
                 current_setting('app.request_id', true) as request_id`,
    );
    return row;
  }),
  writeThenFail: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.tx.insert(auditLog).values(testAudit("half-done"));
    throw new DomainRefusal("CONFLICT", "Iemand anders was u voor.");
  }),
  write: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.tx.insert(auditLog).values(testAudit("done"));
    return "ok";
  }),
  adminOnly: requireRole("functional_admin").query(() => "geheim"),
});
const createCaller = createCallerFactory(probeRouter);

beforeAll(async () => {
  test = await createTestDatabase();
  context = {
    db: test.db,
    meta: { requestId: "req-tx-test", clientAddress: null },
    config: { publicUrl: "http://localhost:3000" },
    now: () => new Date(),
    principal: {
      kind: "user",
      sessionId: "00000000-0000-4000-8000-000000000001",
      user: { id: "00000000-0000-4000-8000-000000000002", email: "a@b.example", name: "A" },
      organisation: { id: "00000000-0000-4000-8000-000000000003", slug: "x", name: "X", kind: "cjg" },
      team: null,
      roles: ["partner_worker"],
    },
  };
});
afterAll(async () => {
  await test?.drop();
});

describe("authenticated procedures", () => {
  it("run in a transaction that carries the acting user, organisation and request", async () => {
    expect(await createCaller(context).settings()).toEqual({
      user_id: "00000000-0000-4000-8000-000000000002",
      organisation_id: "00000000-0000-4000-8000-000000000003",
      request_id: "req-tx-test",
    });
  });

  it("leave nothing behind when they fail, and say what happened in Dutch", async () => {
    const attempt = createCaller(context).writeThenFail();
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", message: "Iemand anders was u voor." });
    expect(await test.db.select().from(auditLog).where(eq(auditLog.objectType, "half-done"))).toEqual([]);
    // Only the refusal itself is on record (NEN 7513), written after the rollback.
    expect(await test.db.select().from(auditLog).where(eq(auditLog.objectType, "writeThenFail"))).toMatchObject([
      {
        outcome: "failure",
        action: "update",
        userId: "00000000-0000-4000-8000-000000000002",
        requestId: "req-tx-test",
      },
    ]);
  });

  it("commit when they succeed", async () => {
    await createCaller(context).write();
    const successes = await test.db.select().from(auditLog).where(eq(auditLog.outcome, "success"));
    expect(successes.map((row) => row.objectType)).toEqual(["done"]);
  });

  it("refuse callers without a principal or without the role", async () => {
    await expect(createCaller({ ...context, principal: null }).settings()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const refused = createCaller(context).adminOnly();
    await expect(refused).rejects.toBeInstanceOf(TRPCError);
    await expect(refused).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
