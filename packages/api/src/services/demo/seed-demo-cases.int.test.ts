import { cases, handovers, involvedPersons } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForUser, createTestClock, testApiConfig } from "../../testing/callers";
import { seedDemoCases } from "./seed-demo-cases";
import { seedDemoRegion } from "./seed-demo-region";

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

describe("seedDemoCases", () => {
  it("puts handovers in every state of the loop, each through the transition function", async () => {
    const rows = await test.db.select({ status: handovers.status }).from(handovers);
    const count = (status: string) => rows.filter((r) => r.status === status).length;
    expect(count("draft")).toBe(2);
    expect(count("offered")).toBe(3);
    expect(count("accepted")).toBe(2);
    for (const status of ["started", "completed", "declined", "withdrawn", "returned"]) expect(count(status)).toBe(1);
    expect(await test.db.select().from(cases)).toHaveLength(12);
    expect((await test.db.select().from(involvedPersons)).length).toBeGreaterThan(12);
  });

  it("gives the partners an inbox with one overdue offer and the VT worker a list to work from", async () => {
    const clock = createTestClock(now);
    const cjg = await callerForUser({ db: test.db, email: "medewerker@cjg-haarlemmermeer.example", clock });
    const inbox = await cjg.handover.inbox();
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]?.overdue).toBe(true);
    const vt = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
    expect((await vt.handover.list({ limit: 50 })).items).toHaveLength(12);
  });
});
