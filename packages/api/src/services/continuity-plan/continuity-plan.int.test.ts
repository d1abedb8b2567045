import { executeRows, withRequest } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerForUser, createTestClock, testApiConfig } from "../../testing/callers";
import { seedDemoRegion } from "../demo/seed-demo-region";
import { listContinuityPeriods } from "./manage-continuity-plan";
import { watchContinuityPlans } from "./watch-continuity-plans";

/**
 * The continuity plan end to end below the portal: declare and end as VT's beheerder (row, audit, event and e-mail
 * in one go), the rules refused in Dutch, everyone's banner read, the bridge's watch announcing a later start and
 * ending a period whose expected end passed, and the periods the reports get.
 */

let test: TestDatabase;
const clock = createTestClock("2026-11-26T09:00:00Z");
const BEHEER = "beheer@vt-kennemerland.example";

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return executeRows<T>(test.db, query);
}

async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
}, 120_000);
afterAll(async () => {
  await test?.drop();
});

describe("continuity plan", () => {
  let planId = "";

  it("declares a period starting today: row, audit row, start event and one e-mail per partner address", async () => {
    const api = await callerForUser({ db: test.db, email: BEHEER, clock });
    const plan = await api.admin.continuityPlan.declare({
      startsOn: "2026-11-26",
      expectedEndOn: "2027-01-31",
      services: ["monitoring", "crisis_service", "duty_desk"],
    });
    planId = plan.id;
    expect(plan).toMatchObject({
      status: "active",
      services: ["crisis_service", "duty_desk", "monitoring"],
      endedOn: null,
      version: 2,
    });

    const audit = await rows<{ action: string; object_type: string }>(
      sql`select action, object_type from audit_log where object_id = ${planId}`,
    );
    expect(audit).toEqual([{ action: "create", object_type: "continuity_plan" }]);

    const events = await rows<{
      event_type: string;
      topic: string;
      sequence: number;
      payload: Record<string, unknown>;
    }>(sql`select event_type, topic, sequence, payload from outbox where aggregate_id = ${planId}::uuid`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      event_type: "nl.ketenportaal.continuity_plan.started.v1",
      topic: "ketenportaal.continuity-plan",
      sequence: 2,
    });
    expect(Object.keys(events[0]?.payload ?? {}).sort()).toEqual(
      ["expectedEndOn", "occurredAt", "organisationId", "planId", "services", "startsOn", "version"].sort(),
    );

    const mail = await rows<{ to_address: string; subject: string; body_text: string; body_html: string }>(
      sql`select to_address, subject, body_text, body_html from mail_outbox where template = 'continuity_plan_started'`,
    );
    const expected = await rows<{ address: string }>(sql`
      select distinct lower(t.notification_email) as address from teams t join organisations o on o.id = t.organisation_id
      where o.kind <> 'vt' and o.active
      union
      select distinct u.email from memberships m join users u on u.id = m.user_id join organisations o on o.id = m.organisation_id
      where o.kind = 'municipality' and u.active and not exists (select 1 from teams t where t.organisation_id = o.id)`);
    expect(mail.map((m) => m.to_address).sort()).toEqual(expected.map((e) => e.address).sort());
    expect(mail.length).toBeGreaterThan(3);
    // A gemeente is told too, and no VT address is.
    expect(mail.some((m) => m.to_address.includes("haarlem.nl") || m.to_address.includes("gemeente"))).toBe(true);
    expect(mail.some((m) => m.to_address.endsWith("@vt-kennemerland.example"))).toBe(false);
    // No personal data: no person's name or e-mail address in any subject or body.
    const people = await rows<{ name: string; email: string }>(sql`select name, email from users`);
    for (const message of mail) {
      const content = `${message.subject}\n${message.body_text}\n${message.body_html}`;
      expect(content).toContain("Crisisdienst");
      for (const person of people) {
        expect(content).not.toContain(person.name);
        expect(content).not.toContain(person.email);
      }
    }
  });

  it("shows the period to everyone signed in, a partner and a gemeente alike", async () => {
    for (const email of ["medewerker@swt-haarlem.example", "medewerker@vt-kennemerland.example"]) {
      const api = await callerForUser({ db: test.db, email, clock });
      const { plan } = await api.continuityPlan.current();
      expect(plan, email).toMatchObject({ id: planId, expectedEndOn: "2027-01-31", status: "active" });
    }
  });

  it("refuses an overlapping period, and bad input, in Dutch with nothing written", async () => {
    const api = await callerForUser({ db: test.db, email: BEHEER, clock });
    const overlap = await refusal(
      api.admin.continuityPlan.declare({ startsOn: "2027-01-31", expectedEndOn: "2027-02-28", services: ["vv"] }),
    );
    expect(overlap.code).toBe("BAD_REQUEST");
    expect(overlap.message).toContain("overlapt met het continuïteitsplan van 2026-11-26 tot en met 2027-01-31");
    const bad = await refusal(
      api.admin.continuityPlan.declare({ startsOn: "2027-03-01", expectedEndOn: "2027-03-01", services: [] }),
    );
    expect(bad.message).toBe("De verwachte einddatum moet na de startdatum liggen.");
    const [count] = await rows<{ n: number }>(sql`select count(*)::int as n from continuity_plans`);
    expect(count?.n).toBe(1);
  });

  it("refuses someone who is not VT's functioneel beheerder", async () => {
    for (const email of ["medewerker@vt-kennemerland.example", "coordinator@swt-haarlem.example"]) {
      const api = await callerForUser({ db: test.db, email, clock });
      const error = await refusal(
        api.admin.continuityPlan.declare({ startsOn: "2027-03-01", expectedEndOn: "2027-04-01", services: ["vv"] }),
      );
      expect(error.code, email).toBe("FORBIDDEN");
      expect((await refusal(api.admin.continuityPlan.end({ id: planId, version: 2 }))).code).toBe("FORBIDDEN");
    }
  });

  it("ends the period early with an end event and e-mail; an ended plan cannot be changed", async () => {
    clock.set("2026-12-15T13:00:00Z");
    const api = await callerForUser({ db: test.db, email: BEHEER, clock });
    const ended = await api.admin.continuityPlan.end({ id: planId, version: 2 });
    expect(ended).toMatchObject({ status: "ended", endedOn: "2026-12-15", endReason: "declared", version: 4 });
    const [event] = await rows<{ payload: Record<string, unknown> }>(
      sql`select payload from outbox where aggregate_id = ${planId}::uuid and event_type like '%.ended.v1'`,
    );
    expect(event?.payload).toMatchObject({ endedOn: "2026-12-15", endReason: "declared", version: 4 });
    const [mail] = await rows<{ n: number }>(
      sql`select count(*)::int as n from mail_outbox where template = 'continuity_plan_ended'`,
    );
    expect(mail?.n).toBeGreaterThan(3);
    expect(
      await rows(
        sql`select 1 from audit_log where object_id = ${planId} and object_type = 'continuity_plan.end' and outcome = 'success'`,
      ),
    ).toHaveLength(1);

    const again = await refusal(api.admin.continuityPlan.end({ id: planId, version: 4 }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe("Dit continuïteitsplan is al beëindigd en kan niet meer worden gewijzigd.");
    const partner = await callerForUser({ db: test.db, email: "medewerker@swt-haarlem.example", clock });
    expect((await partner.continuityPlan.current()).plan).toBeNull();
  });

  it("announces a later start on its first day and ends a period once its expected end has passed (bridge)", async () => {
    const api = await callerForUser({ db: test.db, email: BEHEER, clock });
    const later = await api.admin.continuityPlan.declare({
      startsOn: "2026-12-21",
      expectedEndOn: "2027-01-04",
      services: ["crisis_service"],
    });
    expect(later.status).toBe("planned");
    const events = () =>
      rows<{ event_type: string }>(
        sql`select event_type from outbox where aggregate_id = ${later.id}::uuid order by position`,
      );
    expect(await events()).toEqual([]);

    // 20 December 23:30 in Amsterdam: not yet.
    expect(
      await watchContinuityPlans({ db: test.db, now: new Date("2026-12-20T22:30:00Z"), config: testApiConfig }),
    ).toEqual({ started: 0, ended: 0 });
    // 21 December 00:30 in Amsterdam: its first day.
    const first = new Date("2026-12-20T23:30:00Z");
    expect(await watchContinuityPlans({ db: test.db, now: first, config: testApiConfig })).toEqual({
      started: 1,
      ended: 0,
    });
    expect(await watchContinuityPlans({ db: test.db, now: first, config: testApiConfig })).toEqual({
      started: 0,
      ended: 0,
    });
    // 4 January is the last day; on the 5th the watch ends it.
    expect(
      await watchContinuityPlans({ db: test.db, now: new Date("2027-01-04T20:00:00Z"), config: testApiConfig }),
    ).toEqual({ started: 0, ended: 0 });
    expect(
      await watchContinuityPlans({ db: test.db, now: new Date("2027-01-05T06:00:00Z"), config: testApiConfig }),
    ).toEqual({ started: 0, ended: 1 });
    expect((await events()).map((e) => e.event_type)).toEqual([
      "nl.ketenportaal.continuity_plan.started.v1",
      "nl.ketenportaal.continuity_plan.ended.v1",
    ]);
    const [plan] = await rows<{ ended_on: string; end_reason: string }>(
      sql`select ended_on::text, end_reason from continuity_plans where id = ${later.id}::uuid`,
    );
    expect(plan).toEqual({ ended_on: "2027-01-04", end_reason: "reached" });
  });

  it("lets only one of two beheerders declaring overlapping periods at once through", async () => {
    const [first, second] = await Promise.all([
      callerForUser({ db: test.db, email: BEHEER, clock }),
      callerForUser({ db: test.db, email: BEHEER, clock }),
    ]);
    const outcomes = await Promise.allSettled([
      first.admin.continuityPlan.declare({ startsOn: "2027-03-01", expectedEndOn: "2027-03-31", services: ["vv"] }),
      second.admin.continuityPlan.declare({ startsOn: "2027-03-15", expectedEndOn: "2027-04-15", services: ["vv"] }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const [plans] = await rows<{ n: number }>(
      sql`select count(*)::int as n from continuity_plans where starts_on >= '2027-03-01'`,
    );
    expect(plans?.n).toBe(1);
  });

  it("gives reports the days of a range that fall in a period, as any signed-in user may read them", async () => {
    const [actor] = await rows<{ user_id: string; organisation_id: string }>(sql`
      select u.id as user_id, m.organisation_id from users u join memberships m on m.user_id = u.id
      where u.email = 'medewerker@swt-haarlem.example' limit 1`);
    const periods = await withRequest(
      test.db,
      { userId: actor?.user_id, organisationId: actor?.organisation_id, requestId: "report" },
      (tx) => listContinuityPeriods({ tx, from: "2026-12-01", to: "2026-12-31" }),
    );
    expect(periods.map(({ from, to, services }) => ({ from, to, services }))).toEqual([
      { from: "2026-12-01", to: "2026-12-15", services: ["crisis_service", "duty_desk", "monitoring"] },
      { from: "2026-12-21", to: "2026-12-31", services: ["crisis_service"] },
    ]);
  });
});
