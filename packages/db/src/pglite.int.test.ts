import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle, executeRows } from "./client";
import { DataDirLockedError } from "./data-dir-lock";
import { organisations } from "./schema";
import { withRequest } from "./with-request";

const fixture = join(import.meta.dirname, "testing/fixtures/open-embedded.ts");
const tsxLoader = createRequire(import.meta.url).resolve("tsx");

function openFromAnotherProcess(dataDir: string) {
  return spawnSync(process.execPath, ["--import", tsxLoader, fixture, dataDir], { encoding: "utf8", timeout: 60_000 });
}

let dataDir: string;
let handle: DatabaseHandle;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "kp-pglite-"));
  handle = await createDatabase({ dataDir });
  await handle.migrate();
});
afterAll(async () => {
  await handle?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("embedded PGlite", () => {
  it("runs the same migrations and queries as PostgreSQL", async () => {
    expect(handle.driver).toBe("pglite");
    const [cjg] = await handle.db
      .insert(organisations)
      .values({ slug: "cjg-test", name: "CJG Test", kind: "cjg" })
      .returning({ id: organisations.id });
    const rows = await withRequest(handle.db, { organisationId: cjg?.id }, (tx) => tx.select().from(organisations));
    expect(rows.map((r) => r.kind)).toEqual(["cjg"]);
    // The role switch makes the row-level policies apply on PGlite too: without an organisation, nothing.
    const none = await withRequest(handle.db, { organisationId: null }, (tx) => tx.select().from(organisations));
    expect(none).toEqual([]);
    const [row] = await executeRows<{ n: number }>(handle.db, sql`select count(*)::int as n from organisations`);
    expect(row?.n).toBe(1);
  });

  it("refuses a second opener in the same process", async () => {
    await expect(createDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
  });

  it("refuses a second process and names the process that holds the directory", () => {
    const result = openFromAnotherProcess(dataDir);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(`in use by process ${process.pid}`);
    expect(result.stdout).not.toContain("opened");
  });

  it("lets another process open the directory once the holder has closed it", async () => {
    await handle.close();
    const result = openFromAnotherProcess(dataDir);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("opened");
    handle = await createDatabase({ dataDir });
    const rows = await handle.db.select().from(organisations);
    expect(rows).toHaveLength(1);
  });
});
