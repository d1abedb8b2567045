import { executeRows } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForUser, createTestClock } from "../../testing/callers";
import { seedDemoCases } from "../demo/seed-demo-cases";
import { seedDemoRegion } from "../demo/seed-demo-region";
import { createRetentionTask, destroyExpiredFiles } from "./destroy-expired-files";

/**
 * Retention and destruction with a clock the test moves (decision 012): files closed 20 years ago go and leave
 * their figures, a file with a child under 18 stays, Wmo 2015 requests have a three-month deadline and are carried
 * out or refused by the beheerder, and a partner's copy of a closed handover disappears after the period.
 */

let test: TestDatabase;
const seededAt = new Date("2026-11-25T10:00:00Z");
/** The fixture files closed on 15 January 2026; their retention ends on 15 January 2046. */
const closedAt = new Date("2026-01-15T10:00:00Z");
const dayAfterRetention = new Date("2046-01-16T10:00:00Z");
const BEHEER = "beheer@vt-kennemerland.example";

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return executeRows<T>(test.db, query);
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rows<{ n: number }>(query);
  return row?.n ?? -1;
}

/**
 * A VT file as the table owner writes it: a case reported in `reportYear`, a child and a parent, a handover to the
 * Wijkteam Haarlem in `status` with its history, an alert, a notice, an e-mail row and an outbox event, all last
 * changed at `closedAt`.
 */
async function insertFile(options: {
  reference: string;
  childBirthYear: number;
  status: "completed" | "accepted";
  reportYear: number;
}): Promise<{ caseId: string; handoverId: string }> {
  const at = closedAt.toISOString();
  const [file] = await rows<{ case_id: string; handover_id: string }>(sql`
    with vt as (select id from organisations where slug = 'vt-kennemerland'),
    team as (select t.id, t.organisation_id, m.region_id from teams t join municipalities m on m.code = 'GM0392'
             where t.name = 'Wijkteam Haarlem'),
    worker as (select id from users where email = 'medewerker@vt-kennemerland.example'),
    c as (insert into cases (organisation_id, reference, municipality_code, reported_at, safety_assessment_due_on,
            safety_assessment_completed_at, created_at, updated_at)
          select vt.id, ${options.reference}, 'GM0392', ${`${options.reportYear}-06-01T10:00:00Z`}::timestamptz,
            ${`${options.reportYear}-06-08`}::date, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
          from vt returning id, organisation_id),
    p as (insert into involved_persons (case_id, position, role, name, birth_year, created_at)
          select c.id, x.position, x.role::involved_person_role, x.name, x.birth_year, ${at}::timestamptz
          from c, (values (1, 'child', 'Kind Bewaar', ${options.childBirthYear}::int),
                          (2, 'parent', 'Ouder Bewaar', 1980)) x(position, role, name, birth_year) returning 1),
    h as (insert into handovers (case_id, organisation_id, offering_user_id, target_organisation_id, target_team_id,
            municipality_code, region_id, status, offered_at, accepted_at, closed_at, created_at, updated_at)
          select c.id, c.organisation_id, worker.id, team.organisation_id, team.id, 'GM0392', team.region_id,
            ${options.status}::handover_status, ${at}::timestamptz, ${at}::timestamptz,
            ${options.status === "completed" ? at : null}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
          from c, team, worker returning id, case_id),
    hh as (insert into handover_history (handover_id, at, action, to_status, version)
           select h.id, ${at}::timestamptz, 'complete', ${options.status}::handover_status, 4 from h returning 1),
    da as (insert into deadline_alerts (handover_id, kind, due_on, created_at)
           select h.id, 'first_contact_reminder', '2026-01-20', ${at}::timestamptz from h returning 1),
    n as (insert into notifications (recipient_user_id, kind, handover_id, created_at)
          select worker.id, 'handover_completed', h.id, ${at}::timestamptz from h, worker returning 1),
    mo as (insert into mail_outbox (to_address, template, subject, body_text, body_html, handover_id, created_at)
           select 'medewerker@vt-kennemerland.example', 'handover_completed', 'Overdracht afgerond', 'link', 'link',
             h.id, ${at}::timestamptz from h returning 1),
    ob as (insert into outbox (aggregate_type, aggregate_id, event_type, sequence, source, topic, payload, created_at)
           select 'handover', h.id, 'nl.ketenportaal.handover.completed.v1', 4, 'urn:test', 'ketenportaal.handovers.local-teams',
             jsonb_build_object('handoverId', h.id, 'status', 'completed'), ${at}::timestamptz from h returning 1)
    select h.case_id, h.id as handover_id from h, (select count(*) from p) p2, (select count(*) from hh) hh2,
      (select count(*) from da) da2, (select count(*) from n) n2, (select count(*) from mo) mo2, (select count(*) from ob) ob2`);
  if (!file) throw new Error("fixture not inserted");
  return { caseId: file.case_id, handoverId: file.handover_id };
}

/**
 * A closed V&V trajectory on the file with a condition and its history, a recorded monitoring moment with an
 * assessment, a timeline entry, a notice and an e-mail that name it; and a decided agenda item at a demo meeting.
 */
async function addTrajectoryAndAgendaItem(caseId: string): Promise<string> {
  const at = closedAt.toISOString();
  const [row] = await rows<{ id: string }>(sql`
    with people as (select (select id from users where email = 'medewerker@vt-kennemerland.example') as vt_worker,
                           (select id from users where email = 'medewerker@swt-haarlem.example') as partner_worker,
                           (select id from organisations where slug = 'swt-haarlem') as partner),
    t as (insert into vv_trajectories (case_id, organisation_id, vt_worker_user_id, partner_organisation_id,
            partner_worker_user_id, municipality_code, region_id, status, opened_by_user_id, opened_at, updated_at,
            closed_at, outcome_code)
          select c.id, c.organisation_id, p.vt_worker, p.partner, p.partner_worker, 'GM0392', m.region_id, 'closed',
            p.vt_worker, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz, 'safety_restored'
          from cases c, people p, municipalities m where c.id = ${caseId}::uuid and m.code = 'GM0392' returning id),
    cond as (insert into vv_conditions (trajectory_id, text, owner, due_on, status, created_by_user_id, created_at,
               updated_at)
             select t.id, 'Geen geweld', 'household', '2026-01-10', 'met', p.vt_worker, ${at}::timestamptz,
               ${at}::timestamptz from t, people p returning id, trajectory_id),
    hist as (insert into vv_condition_history (condition_id, at, to_status, to_due_on, author_user_id,
               author_organisation_id)
             select cond.id, ${at}::timestamptz, 'met', '2026-01-10', p.vt_worker, p.partner from cond, people p
             returning 1),
    mom as (insert into vv_monitoring_moments (trajectory_id, scheduled_on, scheduled_by_user_id, created_at,
              recorded_at, outcome)
            select t.id, '2026-01-10', p.vt_worker, ${at}::timestamptz, ${at}::timestamptz, 'goed'
            from t, people p returning id),
    ass as (insert into vv_monitoring_assessments (moment_id, condition_id, status)
            select mom.id, cond.id, 'met' from mom, cond returning 1),
    tl as (insert into vv_timeline_entries (trajectory_id, at, kind, text, author_user_id, author_organisation_id)
           select t.id, ${at}::timestamptz, 'closed', 'Afgesloten', p.vt_worker, p.partner from t, people p returning 1),
    n as (insert into notifications (recipient_user_id, kind, params, created_at)
          select p.partner_worker, 'vv_opened', jsonb_build_object('trajectoryId', t.id::text), ${at}::timestamptz
          from t, people p returning 1),
    mo as (insert into mail_outbox (to_address, template, subject, body_text, body_html, created_at)
           select 'medewerker@swt-haarlem.example', 'vv_opened', 'V&V', 'https://k.test/voorwaarden-en-vervolg/' || t.id,
             'x', ${at}::timestamptz from t returning 1),
    ai as (insert into table_agenda_items (meeting_id, case_id, position, short_reason, added_by_user_id, added_at,
             decision, decided_by_user_id, decided_at)
           select (select id from table_meetings order by scheduled_at limit 1), ${caseId}::uuid, 99, 'Bespreken',
             p.vt_worker, ${at}::timestamptz, 'vt_keeps', p.vt_worker, ${at}::timestamptz from people p returning 1)
    select t.id from t, (select count(*) from hist) h2, (select count(*) from ass) a2, (select count(*) from tl) t2,
      (select count(*) from n) n2, (select count(*) from mo) m2, (select count(*) from ai) i2`);
  if (!row) throw new Error("trajectory not inserted");
  return row.id;
}

let expired: { caseId: string; handoverId: string };
let expiredTrajectoryId = "";
let withMinor: { caseId: string; handoverId: string };
let inProgress: { caseId: string; handoverId: string };

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now: seededAt, config: { publicUrl: "https://ketenportaal.test" } });
  expired = await insertFile({
    reference: "BEWAAR-VERLOPEN",
    childBirthYear: 2010,
    status: "completed",
    reportYear: 2005,
  });
  expiredTrajectoryId = await addTrajectoryAndAgendaItem(expired.caseId);
  // 17 in 2046: 18 on 31 December 2047 at the latest.
  withMinor = await insertFile({
    reference: "BEWAAR-KIND-17",
    childBirthYear: 2029,
    status: "completed",
    reportYear: 2005,
  });
  inProgress = await insertFile({
    reference: "BEWAAR-LOPEND",
    childBirthYear: 2004,
    status: "accepted",
    reportYear: 2005,
  });
}, 180_000);
afterAll(async () => {
  await test?.drop();
});

// First: the destruction below removes the demo's closed files too.
describe("a partner's copy of a closed handover", () => {
  it("disappears from the partner's list and get after the period; VT keeps it", async () => {
    const [handover] = await rows<{ id: string; closed_at: Date }>(
      sql`select h.id, h.closed_at from handovers h join cases c on c.id = h.case_id
          where c.reference = 'VT-2026-0108' and h.status = 'completed'`,
    );
    if (!handover) throw new Error("demo handover missing");
    const closed = new Date(handover.closed_at).getTime();
    const clock = createTestClock(new Date(closed + 89 * 24 * 60 * 60 * 1000));
    const partner = await callerForUser({ db: test.db, email: "medewerker@jb-kennemerland.example", clock });
    const vt = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });

    expect((await partner.handover.list({ limit: 100 })).items.map((h) => h.id)).toContain(handover.id);
    expect((await partner.handover.get({ id: handover.id })).id).toBe(handover.id);

    clock.set(new Date(closed + 90 * 24 * 60 * 60 * 1000 + 1000));
    expect((await partner.handover.list({ limit: 100 })).items.map((h) => h.id)).not.toContain(handover.id);
    await expect(partner.handover.get({ id: handover.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await vt.handover.get({ id: handover.id })).id).toBe(handover.id);
    expect((await vt.handover.list({ limit: 100 })).items.map((h) => h.id)).toContain(handover.id);
  });
});

describe("the scheduled destruction", () => {
  it("keeps every file on the last day of its retention", async () => {
    const { destroyed } = await destroyExpiredFiles({ db: test.db, now: new Date("2046-01-15T10:00:00Z") });
    expect(destroyed).toBeGreaterThanOrEqual(0);
    expect(await count(sql`select count(*)::int as n from cases where id = ${expired.caseId}`)).toBe(1);
  });

  it("destroys a file closed 20 years and a day ago, leaving figures, the audit row and the outbox", async () => {
    const auditBefore = await count(sql`select count(*)::int as n from audit_log`);
    const task = createRetentionTask({ clock: () => dayAfterRetention });
    await task.run({ db: test.db });

    for (const table of ["cases", "involved_persons"] as const) {
      const column = table === "cases" ? "id" : "case_id";
      expect(
        await count(
          sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${expired.caseId}`,
        ),
      ).toBe(0);
    }
    for (const table of ["handover_history", "deadline_alerts", "notifications", "mail_outbox"] as const) {
      expect(
        await count(
          sql`select count(*)::int as n from ${sql.identifier(table)} where handover_id = ${expired.handoverId}`,
        ),
        table,
      ).toBe(0);
    }
    expect(await count(sql`select count(*)::int as n from handovers where id = ${expired.handoverId}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from table_agenda_items where case_id = ${expired.caseId}`)).toBe(
      0,
    );
    expect(await count(sql`select count(*)::int as n from vv_trajectories where id = ${expiredTrajectoryId}`)).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from notifications where params->>'trajectoryId' = ${expiredTrajectoryId}`,
      ),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from mail_outbox where body_text like ${`%${expiredTrajectoryId}%`}`),
    ).toBe(0);
    for (const table of ["vv_conditions", "vv_monitoring_moments", "vv_timeline_entries"] as const) {
      expect(
        await count(
          sql`select count(*)::int as n from ${sql.identifier(table)} where trajectory_id = ${expiredTrajectoryId}`,
        ),
        table,
      ).toBe(0);
    }
    // The outbox holds ids and statuses only and stays, like the audit log.
    expect(await count(sql`select count(*)::int as n from outbox where aggregate_id = ${expired.handoverId}`)).toBe(1);

    const figures = await rows<{
      files: number;
      handovers: number;
      trajectories: number;
      outcome: string;
      reason: string;
    }>(
      sql`select files, handovers, trajectories, outcome, reason from retention_figures
          where year = 2005 and municipality_code = 'GM0392'`,
    );
    expect(figures).toEqual([
      { files: 1, handovers: 1, trajectories: 1, outcome: "handover_completed", reason: "retention_expired" },
    ]);

    const [audit] = await rows<{ action: string; purpose: string; object_type: string; on_behalf_of: string }>(
      sql`select action::text, purpose, object_type, on_behalf_of from audit_log where case_id = ${expired.caseId}
          and action = 'delete'`,
    );
    expect(audit).toEqual({
      action: "delete",
      purpose: "bewaartermijn",
      object_type: "case",
      on_behalf_of: "system:retention",
    });
    expect(await count(sql`select count(*)::int as n from audit_log`)).toBeGreaterThan(auditBefore);
  });

  it("keeps a file with a child who is 17, and one still in progress", async () => {
    expect(await count(sql`select count(*)::int as n from cases where id = ${withMinor.caseId}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from cases where id = ${inProgress.caseId}`)).toBe(1);
    // The child is 18 in 2047: on 1 January 2048 the file goes.
    await destroyExpiredFiles({ db: test.db, now: new Date("2048-01-01T10:00:00Z") });
    expect(await count(sql`select count(*)::int as n from cases where id = ${withMinor.caseId}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from cases where id = ${inProgress.caseId}`)).toBe(1);
  });
});

describe("a Wmo 2015 request to destroy a file", () => {
  it("has a deadline three months after the request, shown to the beheerder", async () => {
    const clock = createTestClock("2026-11-26T09:00:00Z");
    const beheer = await callerForUser({ db: test.db, email: BEHEER, clock });
    await test.db.execute(sql`insert into cases (organisation_id, reference, municipality_code, reported_at,
        safety_assessment_due_on) select id, 'BEWAAR-VERZOEK', 'GM0392', now(), current_date
        from organisations where slug = 'vt-kennemerland'`);
    const recorded = await beheer.admin.retention.recordRequest({
      caseReference: "BEWAAR-VERZOEK",
      requestedOn: "2026-11-26",
      requesterCategory: "wettelijk_vertegenwoordiger",
    });
    expect(recorded.dueOn).toBe("2027-02-26");
    await expect(
      beheer.admin.retention.recordRequest({
        caseReference: "BEWAAR-VERZOEK",
        requestedOn: "2026-11-25",
        requesterCategory: "betrokkene",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const overview = await beheer.admin.retention.overview();
    const request = overview.requests.find((r) => r.id === recorded.id);
    expect(request).toMatchObject({ status: "open", dueOn: "2027-02-26", overdue: false, fileInProgress: false });
    clock.set("2027-02-27T09:00:00Z");
    const later = await beheer.admin.retention.overview();
    expect(later.requests.find((r) => r.id === recorded.id)?.overdue).toBe(true);

    const done = await beheer.admin.retention.carryOut({ id: recorded.id, version: 1 });
    expect(done.status).toBe("carried_out");
    expect(await count(sql`select count(*)::int as n from cases where reference = 'BEWAAR-VERZOEK'`)).toBe(0);
    const [audit] = await rows<{ purpose: string; user_id: string | null }>(
      sql`select purpose, user_id from audit_log where action = 'delete' and object_type = 'case'
          and case_id = ${request?.caseId ?? null}`,
    );
    expect(audit?.purpose).toBe("beheer");
    expect(audit?.user_id).not.toBeNull();
    expect(
      await count(sql`select count(*)::int as n from retention_figures where reason = 'request' and outcome = 'other'`),
    ).toBe(1);
    const afterwards = await beheer.admin.retention.overview();
    expect(afterwards.requests.find((r) => r.id === recorded.id)).toMatchObject({
      status: "carried_out",
      caseReference: null,
    });
  });

  it("refuses to destroy a file in progress and changes nothing; a refusal with its reason is recorded", async () => {
    const clock = createTestClock("2026-11-26T09:00:00Z");
    const beheer = await callerForUser({ db: test.db, email: BEHEER, clock });
    const { id } = await beheer.admin.retention.recordRequest({
      caseReference: "BEWAAR-LOPEND",
      requestedOn: "2026-11-20",
      requesterCategory: "betrokkene",
    });
    const snapshot = async () =>
      rows(sql`select (select count(*)::int from cases where id = ${inProgress.caseId}) as files,
        (select count(*)::int from handovers where case_id = ${inProgress.caseId}) as handovers,
        (select status from retention_requests where id = ${id}) as status,
        (select coalesce(sum(files), 0)::int from retention_figures) as figures`);
    const before = await snapshot();
    await expect(beheer.admin.retention.carryOut({ id, version: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      beheer.admin.retention.refuse({ id, version: 2, reasonCode: "legal_obligation" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await snapshot()).toEqual(before);

    const refused = await beheer.admin.retention.refuse({ id, version: 1, reasonCode: "active_follow_up" });
    expect(refused.status).toBe("refused");
    expect(await count(sql`select count(*)::int as n from cases where id = ${inProgress.caseId}`)).toBe(1);
    const [audit] = await rows<{ action: string }>(
      sql`select action::text from audit_log where object_type = 'retention_request' and object_id = ${id}
          order by id desc limit 1`,
    );
    expect(audit?.action).toBe("update");
    await expect(beheer.admin.retention.carryOut({ id, version: 2 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a request dated in the future, an unknown file and anyone but the VT beheerder", async () => {
    const beheer = await callerForUser({ db: test.db, email: BEHEER, clock: createTestClock("2026-11-26T09:00:00Z") });
    const requestsBefore = await count(sql`select count(*)::int as n from retention_requests`);
    await expect(
      beheer.admin.retention.recordRequest({
        caseReference: "VT-2026-0108",
        requestedOn: "2026-11-27",
        requesterCategory: "betrokkene",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      beheer.admin.retention.recordRequest({
        caseReference: "BESTAAT-NIET",
        requestedOn: "2026-11-26",
        requesterCategory: "betrokkene",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const worker = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example" });
    await expect(worker.admin.retention.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await count(sql`select count(*)::int as n from retention_requests`)).toBe(requestsBefore);
  });
});
