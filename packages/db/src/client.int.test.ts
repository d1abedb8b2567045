import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle, executeRows } from "./client";
import { organisations } from "./schema";
import { withSystemTask } from "./system-task";
import { createTestDatabase, type TestDatabase } from "./testing";
import { withRequest } from "./with-request";

let test: TestDatabase;
let handle: DatabaseHandle;
beforeAll(async () => {
  test = await createTestDatabase();
  handle = await createDatabase({ databaseUrl: test.url, poolSize: 2 });
});
afterAll(async () => {
  await handle?.close();
  await test?.drop();
});

describe("PostgreSQL through postgres.js", () => {
  it("lets several processes migrate a fresh database at once", async () => {
    const fresh = await createTestDatabase({ migrate: false });
    const handles = await Promise.all([0, 1, 2].map(() => createDatabase({ databaseUrl: fresh.url, poolSize: 2 })));
    try {
      // Without the migration lock two of these fail on "relation already exists".
      await Promise.all(handles.map((h) => h.migrate()));
      const [row] = await executeRows<{ applied: number }>(
        fresh.db,
        sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
      );
      expect(row?.applied).toBeGreaterThan(0);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
      await fresh.drop();
    }
  });

  it("applies the migrations and runs queries", async () => {
    await test.db.insert(organisations).values({ slug: "vt-test", name: "VT Test", kind: "vt" });
    const rows = await test.db.select().from(organisations);
    expect(rows.map((r) => r.slug)).toEqual(["vt-test"]);
  });

  it("sets the acting user and organisation for one transaction only", async () => {
    const userId = "6b1f2a4e-0000-4000-8000-000000000001";
    const organisationId = "6b1f2a4e-0000-4000-8000-000000000002";
    const inside = await withRequest(test.db, { userId, organisationId }, (tx) =>
      executeRows<{ user_id: string; organisation_id: string }>(
        tx,
        sql`select current_setting('app.user_id', true) as user_id, current_setting('app.organisation_id', true) as organisation_id`,
      ),
    );
    expect(inside[0]).toEqual({ user_id: userId, organisation_id: organisationId });

    const after = await executeRows<{ organisation_id: string | null }>(
      test.db,
      sql`select nullif(current_setting('app.organisation_id', true), '') as organisation_id`,
    );
    expect(after[0]?.organisation_id).toBeNull();
  });

  it("rolls the whole transaction back when the work fails", async () => {
    await expect(
      withSystemTask(test.db, { task: "cli" }, async (tx) => {
        await tx.insert(organisations).values({ slug: "rolled-back", name: "X", kind: "cjg" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await test.db.select().from(organisations).where(sql`slug = 'rolled-back'`);
    expect(rows).toHaveLength(0);
  });
});

describe("LISTEN/NOTIFY", () => {
  it("tells a listener about a notify once the transaction commits, not before", async () => {
    let heard = 0;
    const unlisten = await handle.listen("kp_test_channel", () => heard++);
    await withRequest(handle.db, {}, async (tx) => {
      await tx.execute(sql`select pg_notify('kp_test_channel', 'x')`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard).toBe(0);
    });
    await expect.poll(() => heard).toBe(1);
    await unlisten();
  });
});
