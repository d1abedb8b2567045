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

describe("the demo's overdrachtstafels and V&V trajectories", () => {
  it("plans an upcoming table with agenda items in every region", async () => {
    const clock = createTestClock(now);
    for (const email of [
      "coordinator.haarlem@vt-kennemerland.example",
      "coordinator.haarlemmermeer@vt-kennemerland.example",
      "coordinator.ijmond@vt-kennemerland.example",
    ]) {
      const coordinator = await callerForUser({ db: test.db, email, clock });
      const { upcoming } = await coordinator.table.list();
      expect(upcoming).toHaveLength(3);
      expect(upcoming.every((m) => m.itemCount === 2 && m.scheduledAt > now)).toBe(true);
    }
    const velsen = await callerForUser({ db: test.db, email: "medewerker@wijkteam-velsen.example", clock });
    expect((await velsen.table.list()).upcoming.map((m) => m.region.name)).toEqual(["IJmond"]);
  });

  it("has two trajectories in progress, the overdue one first", async () => {
    const clock = createTestClock(now);
    const vt = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
    const { items } = await vt.vv.list({ status: "open" });
    expect(items.map((t) => t.caseReference)).toEqual(["VT-2026-0106", "VT-2026-0105"]);
    expect(items[0]?.overdueMonitoringCount).toBe(1);
    const swt = await callerForUser({ db: test.db, email: "medewerker@swt-haarlem.example", clock });
    const detail = await swt.vv.get({ id: items[1]?.id ?? "" });
    expect(detail.conditions.map((c) => c.status)).toEqual(["open", "met", "open"]);
    expect(detail.monitoringMoments[0]?.state).toBe("scheduled");
  });
});
