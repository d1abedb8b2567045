import { auditLog, executeRows } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForUser, createTestClock, type TestClock } from "../../testing/callers";
import { seedDemoRegion } from "../demo/seed-demo-region";

/**
 * A hand-made data set over two weeks across Christmas (21 December 2026 – 3 January 2027; 25 December and
 * 1 January are holidays), written straight into the tables so every figure below can be counted by hand.
 */
let test: TestDatabase;
let clock: TestClock;
const period = { from: "2026-12-21", to: "2027-01-03" };

type Ids = { vt: string; vtWorker: string; swt: string; swtTeam: string; kennemerland: string; meer: string };
let ids: Ids;
let sequence = 0;

async function insertCase(options: { code: string; reportedAt: string; dueOn: string; completedAt?: string }) {
  sequence++;
  const [row] = await executeRows<{ id: string }>(
    test.db,
    sql`insert into cases (organisation_id, reference, municipality_code, reported_at, safety_assessment_due_on,
                           safety_assessment_completed_at)
        values (${ids.vt}, ${`RPT-${sequence}`}, ${options.code}, ${options.reportedAt}::timestamptz,
                ${options.dueOn}::date, ${options.completedAt ?? null}::timestamptz)
        returning id`,
  );
  if (!row) throw new Error("case insert");
  return row.id;
}

async function insertHandover(options: {
  code: string;
  regionId: string;
  status: string;
  offeredAt: string;
  acceptedAt?: string;
  firstContactOn?: string;
  closedAt?: string;
  declineReasonCode?: string;
}) {
  const caseId = await insertCase({
    code: options.code,
    reportedAt: "2026-12-01T09:00:00Z",
    dueOn: "2026-12-08",
    completedAt: "2026-12-04T09:00:00Z",
  });
  await test.db.execute(
    sql`insert into handovers (case_id, organisation_id, offering_user_id, target_organisation_id, target_team_id,
                               municipality_code, region_id, status, offered_at, accepted_at, first_contact_on,
                               closed_at, decline_reason_code)
        values (${caseId}, ${ids.vt}, ${ids.vtWorker}, ${ids.swt}, ${ids.swtTeam}, ${options.code}, ${options.regionId},
                ${options.status}::handover_status, ${options.offeredAt}::timestamptz,
                ${options.acceptedAt ?? null}::timestamptz, ${options.firstContactOn ?? null}::date,
                ${options.closedAt ?? null}::timestamptz, ${options.declineReasonCode ?? null})`,
  );
}

const times = async (n: number, make: () => Promise<unknown>) => {
  for (let i = 0; i < n; i++) await make();
};

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  const [row] = await executeRows<{
    vt: string;
    vt_worker: string;
    swt: string;
    swt_team: string;
    kennemerland: string;
    meer: string;
  }>(
    test.db,
    sql`select (select id from organisations where slug = 'vt-kennemerland') as vt,
               (select id from users where email = 'medewerker@vt-kennemerland.example') as vt_worker,
               (select id from organisations where slug = 'swt-haarlem') as swt,
               (select id from teams where name = 'Wijkteam Haarlem') as swt_team,
               (select region_id from municipalities where code = 'GM0392') as kennemerland,
               (select region_id from municipalities where code = 'GM0394') as meer`,
  );
  if (!row) throw new Error("demo missing");
  ids = {
    vt: row.vt,
    vtWorker: row.vt_worker,
    swt: row.swt,
    swtTeam: row.swt_team,
    kennemerland: row.kennemerland,
    meer: row.meer,
  };

  // Haarlem: 6 meldingen in the period. 5 finished on 28 December, due the 29th: in time. One received late on
  // 20 December Amsterdam time (23:30 UTC on the 20th is the 21st in Amsterdam): counted in the period, still open
  // on 3 January past its due date of 30 December: overdue.
  await times(5, () =>
    insertCase({
      code: "GM0392",
      reportedAt: "2026-12-21T09:00:00Z",
      dueOn: "2026-12-29",
      completedAt: "2026-12-28T15:00:00Z",
    }),
  );
  await insertCase({ code: "GM0392", reportedAt: "2026-12-20T23:30:00Z", dueOn: "2026-12-30" });
  // Zandvoort: 2 meldingen, open and overdue at the end.
  await times(2, () => insertCase({ code: "GM0473", reportedAt: "2026-12-21T09:00:00Z", dueOn: "2026-12-29" }));
  // Haarlemmermeer: one received on 4 January (after the period): counts nowhere.
  await insertCase({ code: "GM0394", reportedAt: "2027-01-04T09:00:00Z", dueOn: "2027-01-11" });

  // Handovers in Haarlem: 5 offered Wednesday 23 December and accepted Tuesday 29 December (24, 28, 29 December:
  // 3 working days); 3 declined on the 22nd (2 for capacity, 1 not in the area).
  await times(5, () =>
    insertHandover({
      code: "GM0392",
      regionId: ids.kennemerland,
      status: "accepted",
      offeredAt: "2026-12-23T10:00:00Z",
      acceptedAt: "2026-12-29T10:00:00Z",
    }),
  );
  for (const reason of ["capacity", "capacity", "not_in_area"]) {
    await insertHandover({
      code: "GM0392",
      regionId: ids.kennemerland,
      status: "declined",
      offeredAt: "2026-12-21T10:00:00Z",
      closedAt: "2026-12-22T10:00:00Z",
      declineReasonCode: reason,
    });
  }
  // Zandvoort: 6 declined for capacity.
  await times(6, () =>
    insertHandover({
      code: "GM0473",
      regionId: ids.kennemerland,
      status: "declined",
      offeredAt: "2026-12-21T10:00:00Z",
      closedAt: "2026-12-23T10:00:00Z",
      declineReasonCode: "capacity",
    }),
  );
  // Haarlem: 5 onderzoeken started in October, due 29 December, finished the 28th (assessed long before the period).
  await times(5, async () => {
    const caseId = await insertCase({
      code: "GM0392",
      reportedAt: "2026-10-01T09:00:00Z",
      dueOn: "2026-10-08",
      completedAt: "2026-10-05T09:00:00Z",
    });
    await test.db.execute(sql`update cases set investigation_started_at = '2026-10-20T09:00:00Z',
        investigation_due_on = '2026-12-29', investigation_finished_at = '2026-12-28T15:00:00Z' where id = ${caseId}`);
  });
  // Haarlem: 5 households on the wachtlijst since 21 December (high priority).
  await times(5, async () => {
    const caseId = await insertCase({
      code: "GM0392",
      reportedAt: "2026-12-01T09:00:00Z",
      dueOn: "2026-12-08",
      completedAt: "2026-12-04T09:00:00Z",
    });
    await test.db.execute(sql`insert into waiting_list_entries (case_id, organisation_id, priority, entered_on,
        entered_at, next_contact_due_on) values (${caseId}, ${ids.vt}, 'high', '2026-12-21', '2026-12-21T09:00:00Z',
        '2027-01-04')`);
  });
  // A continuity plan over Christmas: 24–27 December.
  await test.db.execute(sql`insert into continuity_plans (organisation_id, starts_on, expected_end_on, services,
      declared_by_user_id, declared_at, start_notified_at)
    select ${ids.vt}::uuid, '2026-12-24', '2026-12-27', array['duty_desk', 'crisis_service'], u.id, now(), now()
    from users u where u.email = 'beheer@vt-kennemerland.example'`);
  clock = createTestClock("2027-01-05T09:00:00Z");
}, 120_000);

afterAll(async () => {
  await test?.drop();
});

describe("report.gemeente", () => {
  it("gives VT every gemeente's figures as counted by hand, with small counts protected", async () => {
    const vt = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
    const report = await vt.report.gemeente(period);
    expect(report.scope).toBe("all");
    const haarlem = report.rows.find((r) => r.kind === "municipality" && r.code === "GM0392");
    const zandvoort = report.rows.find((r) => r.kind === "municipality" && r.code === "GM0473");
    const region = report.rows.find((r) => r.kind === "region" && r.regionId === ids.kennemerland);
    expect(haarlem?.figures).toMatchObject({
      meldingenReceived: 6,
      assessmentsFinished: 5, // plus the 17 handover cases, finished on 4 December: before the period
      assessmentsInTimePercent: 100,
      triagesOverdue: "<5",
      handoversOffered: 8,
      handoversAccepted: 5,
      handoversDeclined: "<5",
      medianAcceptanceWorkingDays: 3,
      investigationsFinished: 5,
      investigationsInTimePercent: 100,
      waitingAtEnd: 5,
      longestWaitWorkingDays: 7, // 22, 23, 24, 28, 29, 30 and 31 December
    });
    expect(region?.kind === "region" ? region.waitingByPriority : null).toEqual([
      { priority: "high", count: 5 },
      { priority: "normal", count: 0 },
      { priority: "low", count: 0 },
    ]);
    expect(report.norms).toEqual({ assessmentsInTimePercent: 90, investigationsInTimePercent: 80 });
    expect(zandvoort?.figures).toMatchObject({ meldingenReceived: "<5", triagesOverdue: "<5", handoversDeclined: 6 });
    expect(region?.figures).toMatchObject({ meldingenReceived: 8, triagesOverdue: "<5", handoversDeclined: 9 });
    // Region Haarlem e.o. has more gemeenten, all at zero: Zandvoort's 2 meldingen are the only small cell, so one zero
    // is hidden as well and 8 - 6 no longer tells.
    const kennemerlandCells = report.rows.filter((r) => r.kind === "municipality" && r.regionId === ids.kennemerland);
    expect(kennemerlandCells.filter((r) => r.figures.meldingenReceived === "x")).toHaveLength(1);
    if (region?.kind !== "region") throw new Error("region row expected");
    // One not_in_area is small, so capacity's 8 is hidden too: 9 declines minus 8 would give it away.
    expect(region.declineReasons).toEqual([
      { code: "capacity", count: "x" },
      { code: "not_in_area", count: "<5" },
    ]);
    const meer = report.rows.find((r) => r.kind === "municipality" && r.code === "GM0394");
    expect(meer?.figures.meldingenReceived).toBe(0);
    // The days that fell in the continuity plan are marked, with its services in order of priority.
    expect(report.continuityPeriods).toEqual([
      { from: "2026-12-24", to: "2026-12-27", services: ["crisis_service", "duty_desk"] },
    ]);
  });

  it("gives a gemeente only its own row and its region's, and logs the read", async () => {
    const gemeente = await callerForUser({ db: test.db, email: "beleid@gemeente-haarlem.example", clock });
    const report = await gemeente.report.gemeente(period);
    expect(report.scope).toBe("municipality");
    expect(report.rows.map((r) => (r.kind === "region" ? `region:${r.regionId}` : r.code))).toEqual([
      `region:${ids.kennemerland}`,
      "GM0392",
    ]);
    // Protection was worked out over every gemeente: the same cells as VT sees.
    const vt = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
    const all = await vt.report.gemeente(period);
    expect(report.rows).toEqual(
      all.rows.filter((r) => (r.kind === "region" ? r.regionId === ids.kennemerland : r.code === "GM0392")),
    );
    const rows = await test.db
      .select({ objectId: auditLog.objectId, role: auditLog.role })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "report.gemeente"), eq(auditLog.role, "policy_officer")));
    expect(rows).toEqual([{ objectId: "2026-12-21/2027-01-03 GM0392", role: "policy_officer" }]);
  });

  it("never lets a gemeente's role read a case, a handover or a trajectory itself", async () => {
    const gemeente = await callerForUser({ db: test.db, email: "beleid@gemeente-haarlem.example", clock });
    await expect(gemeente.handover.list({ limit: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [organisation] = await executeRows<{ id: string }>(
      test.db,
      sql`select id from organisations where slug = 'gemeente-haarlem'`,
    );
    const counts = await test.db.transaction(async (tx) => {
      await tx.execute(sql`set local role ketenportaal_app`);
      await tx.execute(sql`select set_config('app.organisation_id', ${organisation?.id ?? ""}, true)`);
      return executeRows<{ cases: number; handovers: number; facts: number }>(
        tx,
        sql`select (select count(*)::int from cases) as cases, (select count(*)::int from handovers) as handovers,
                   (select count(*)::int from kp_report_assessment_facts('2026-12-21', '2027-01-03')) as facts`,
      );
    });
    // The role sees no case, yet the function hands it the dates of the 8 meldingen of the period.
    expect(counts).toEqual([{ cases: 0, handovers: 0, facts: 8 }]);
  });

  it("gives the trend over the last two-week periods that have ended, counted from one load of facts", async () => {
    const vt = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
    // 18 January 2027 is in 11–24 January: the periods before it are 14–27 December and 28 December – 10 January.
    const trend = await vt.report.trend({ until: "2027-01-18", periods: 2 });
    expect(trend.periods.map((p) => p.period)).toEqual([
      { from: "2026-12-14", to: "2026-12-27" },
      { from: "2026-12-28", to: "2027-01-10" },
    ]);
    const regionOf = (rows: (typeof trend.periods)[number]["rows"]) =>
      rows.find((r) => r.kind === "region" && r.regionId === ids.kennemerland)?.figures;
    // On 27 December no assessment was past its due date yet (29 and 30 December); on 10 January three were.
    expect(trend.periods.map((p) => regionOf(p.rows)?.triagesOverdue)).toEqual([0, "<5"]);
    expect(trend.periods.map((p) => regionOf(p.rows)?.medianAcceptanceWorkingDays)).toEqual([null, 3]);
    expect(trend.periods.map((p) => p.inContinuityPlan)).toEqual([true, false]);
    const gemeente = await callerForUser({ db: test.db, email: "beleid@gemeente-haarlem.example", clock });
    const own = await gemeente.report.trend({ until: "2027-01-18", periods: 2 });
    expect(own.periods.every((p) => p.rows.length === 2)).toBe(true);
  });

  it("lets a VT teamcoördinator write a region's knelpunten for a fortnight, and shows them to that region's gemeente", async () => {
    const coordinator = await callerForUser({
      db: test.db,
      email: "coordinator.haarlem@vt-kennemerland.example",
      clock,
    });
    const text = "Door ziekte in het team lopen de veiligheidsbeoordelingen in Zandvoort achter.";
    const saved = await coordinator.report.saveBottleneck({ regionId: ids.kennemerland, date: "2026-12-30", text });
    expect(saved).toMatchObject({ version: 1, periodFrom: "2026-12-28", periodTo: "2027-01-10" });
    await coordinator.report.saveBottleneck({ regionId: ids.meer, date: "2026-12-30", text: "Geen knelpunten." });

    // A second save must name the version it changes; a stale one is a conflict and changes nothing.
    await expect(
      coordinator.report.saveBottleneck({ regionId: ids.kennemerland, date: "2027-01-02", text: "Anders" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const changed = await coordinator.report.saveBottleneck({
      regionId: ids.kennemerland,
      date: "2027-01-02",
      text: `${text} Extra inzet is geregeld.`,
      version: 1,
    });
    expect(changed.version).toBe(2);
    await expect(
      coordinator.report.saveBottleneck({ regionId: ids.kennemerland, date: "2027-01-02", text: "Oud", version: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    // A BSN in the text, a worker instead of a coördinator, a partner: refused.
    await expect(
      coordinator.report.saveBottleneck({
        regionId: ids.kennemerland,
        date: "2026-12-30",
        text: "BSN 111222333",
        version: 2,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("BSN") });
    const worker = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
    await expect(
      worker.report.saveBottleneck({ regionId: ids.kennemerland, date: "2026-12-30", text: "x", version: 2 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const gemeente = await callerForUser({ db: test.db, email: "beleid@gemeente-haarlem.example", clock });
    const report = await gemeente.report.gemeente(period);
    // The period 21 December – 3 January overlaps the fortnight of 28 December; only Haarlem's region is shown.
    expect(report.bottlenecks.map((b) => [b.regionId, b.text, b.version, b.writtenBy])).toEqual([
      [ids.kennemerland, `${text} Extra inzet is geregeld.`, 2, expect.any(String)],
    ]);
    const all = await worker.report.gemeente(period);
    expect(all.bottlenecks.map((b) => b.regionId).sort()).toEqual([ids.kennemerland, ids.meer].sort());
    const audit = await test.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.objectType, "report_bottleneck"));
    expect(audit.map((row) => row.action).sort()).toEqual(["create", "create", "update"]);
  });

  it("refuses partners, and takes the last two-week period that has ended when none is given", async () => {
    const partner = await callerForUser({ db: test.db, email: "medewerker@swt-haarlem.example", clock });
    await expect(partner.report.gemeente({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const vt = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
    // 5 January 2027 falls in the fortnight of 28 December – 10 January; the one before is 14–27 December.
    expect((await vt.report.gemeente({})).period).toEqual({ from: "2026-12-14", to: "2026-12-27" });
    await expect(vt.report.gemeente({ from: "2027-01-03", to: "2026-12-21" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
