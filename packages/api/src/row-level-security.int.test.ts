import {
  auditLog,
  executeRows,
  loginFailures,
  memberships,
  mfaCredentials,
  mfaRecoveryCodes,
  organisations,
  type RequestActor,
  users,
  withAuthentication,
  withRequest,
} from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createServiceAccount } from "./services/accounts/manage-accounts";
import { createSession } from "./services/auth/sessions";
import { seedDemoCases } from "./services/demo/seed-demo-cases";
import { seedDemoRegion } from "./services/demo/seed-demo-region";
import { watchHandoverDeadlines } from "./services/handover/watch-deadlines";
import { testApiConfig } from "./testing/callers";

/**
 * Every table of the database, with who may read it in a request (decision 007). A table missing here fails
 * the test: a new table gets row-level security and a line here before it gets data.
 * - `isolated`: case or organisation data. Another organisation sees none of its rows, nor does a request
 *   without an organisation.
 * - `directory`: the chain's address book (organisations, teams, regions, people, roles). Readable in any request
 *   that acts for an organisation, never without one.
 * - `plumbing`: the event and e-mail queues (no personal data by construction) and the partner systems' accounts:
 *   a functioneel beheerder, who runs the deployment, sees every organisation's (services/admin/admin-access.ts);
 *   no other organisation sees a foreign row.
 * - `authentication`: second factors, recovery code hashes, failed logins: only the authentication role
 *   (withAuthentication) reads them; a request is not even granted the table.
 * `seenBy` is a demo person who must see at least one row, so the policies are not simply closed.
 */
const RLS_TABLES: Record<string, { kind: "isolated" | "directory" | "plumbing" | "authentication"; seenBy: string }> = {
  organisations: { kind: "directory", seenBy: "medewerker@swt-haarlem.example" },
  regions: { kind: "directory", seenBy: "medewerker@swt-haarlem.example" },
  municipalities: { kind: "directory", seenBy: "medewerker@swt-haarlem.example" },
  teams: { kind: "directory", seenBy: "medewerker@swt-haarlem.example" },
  team_municipalities: { kind: "directory", seenBy: "medewerker@swt-haarlem.example" },
  users: { kind: "directory", seenBy: "medewerker@swt-haarlem.example" },
  memberships: { kind: "directory", seenBy: "medewerker@swt-haarlem.example" },
  sessions: { kind: "isolated", seenBy: "medewerker@vt-kennemerland.example" },
  // Each organisation sees its own partner systems; the functioneel beheerder sees and revokes all (migration 0007).
  service_accounts: { kind: "plumbing", seenBy: "coordinator@swt-haarlem.example" },
  cases: { kind: "isolated", seenBy: "medewerker@swt-haarlem.example" },
  involved_persons: { kind: "isolated", seenBy: "medewerker@swt-haarlem.example" },
  handovers: { kind: "isolated", seenBy: "medewerker@swt-haarlem.example" },
  handover_history: { kind: "isolated", seenBy: "medewerker@swt-haarlem.example" },
  notifications: { kind: "isolated", seenBy: "coordinator.haarlem@vt-kennemerland.example" },
  mail_outbox: { kind: "plumbing", seenBy: "beheer@vt-kennemerland.example" },
  deadline_alerts: { kind: "isolated", seenBy: "medewerker@vt-kennemerland.example" },
  outbox: { kind: "plumbing", seenBy: "beheer@vt-kennemerland.example" },
  // The organisation's functioneel beheerder: its own rows, rows about its cases, failed logins of its people
  // (migration 0011; the audit-log search below).
  audit_log: { kind: "isolated", seenBy: "beheer@vt-kennemerland.example" },
  table_meetings: { kind: "isolated", seenBy: "medewerker@swt-haarlem.example" },
  table_meeting_participants: { kind: "isolated", seenBy: "medewerker@swt-haarlem.example" },
  table_agenda_items: { kind: "isolated", seenBy: "medewerker@swt-haarlem.example" },
  vv_trajectories: { kind: "isolated", seenBy: "medewerker@swt-haarlem.example" },
  vv_conditions: { kind: "isolated", seenBy: "medewerker@swt-haarlem.example" },
  vv_condition_history: { kind: "isolated", seenBy: "medewerker@swt-haarlem.example" },
  vv_monitoring_moments: { kind: "isolated", seenBy: "medewerker@cjg-haarlemmermeer.example" },
  vv_monitoring_assessments: { kind: "isolated", seenBy: "medewerker@vt-kennemerland.example" },
  vv_timeline_entries: { kind: "isolated", seenBy: "medewerker@swt-haarlem.example" },
  mfa_credentials: { kind: "authentication", seenBy: "coordinator.haarlem@vt-kennemerland.example" },
  mfa_recovery_codes: { kind: "authentication", seenBy: "coordinator.haarlem@vt-kennemerland.example" },
  login_failures: { kind: "authentication", seenBy: "coordinator.haarlem@vt-kennemerland.example" },
  // A partner organisation's webhook abonnementen and their deliveries; the beheerder sees all (migration 0008).
  webhook_subscriptions: { kind: "plumbing", seenBy: "coordinator@swt-haarlem.example" },
  webhook_deliveries: { kind: "plumbing", seenBy: "coordinator@swt-haarlem.example" },
  // Destruction requests and the figures of destroyed files: the VT organisation's beheerder only (migration 0010).
  retention_requests: { kind: "isolated", seenBy: "beheer@vt-kennemerland.example" },
  retention_figures: { kind: "isolated", seenBy: "beheer@vt-kennemerland.example" },
  // VT's continuity plan concerns the whole chain: everyone signed in reads it; writes below (migration 0014).
  continuity_plans: { kind: "directory", seenBy: "medewerker@swt-haarlem.example" },
  // An invitation to set a password: the VT beheerder sees all, a partner coördinator their own people's (0025).
  user_invites: { kind: "plumbing", seenBy: "coordinator@swt-haarlem.example" },
  // A melder's e-mail address and the feedback given: the owning VT organisation only (migration 0015).
  melder_addresses: { kind: "isolated", seenBy: "medewerker@vt-kennemerland.example" },
  melder_feedback: { kind: "isolated", seenBy: "medewerker@vt-kennemerland.example" },
  // The two-week report's "ready" notices: the gemeente reads its own; only the bridge writes them (migration 0017).
  report_notices: { kind: "isolated", seenBy: "beleid@gemeente-haarlem.example" },
  // Knelpunten: the writing VT organisation and the gemeenten of the region read them (migration 0019).
  report_bottlenecks: { kind: "isolated", seenBy: "beleid@gemeente-haarlem.example" },
  // The wachtlijst: the VT organisation that owns the case only, never a partner or gemeente (migration 0020).
  waiting_list_entries: { kind: "isolated", seenBy: "medewerker@vt-kennemerland.example" },
  waiting_list_contacts: { kind: "isolated", seenBy: "medewerker@vt-kennemerland.example" },
  waiting_list_contact_frequencies: { kind: "isolated", seenBy: "medewerker@vt-kennemerland.example" },
  case_change_signals: { kind: "isolated", seenBy: "medewerker@vt-kennemerland.example" },
};

let test: TestDatabase;
const now = new Date("2026-11-25T10:00:00Z");
/** Organisations with nothing addressed to them: a second VT and a partner from elsewhere, each with a person. */
const strangers: Record<"vt" | "partner", RequestActor> = { vt: {}, partner: {} };

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now, config: testApiConfig });
  // Fill the tables the demo leaves empty: alerts (the watch, a week on), a session, a partner system's account.
  await watchHandoverDeadlines({ db: test.db, now: new Date("2026-12-04T08:00:00Z"), config: testApiConfig });
  await createServiceAccount({
    db: test.db,
    organisationSlug: "swt-haarlem",
    name: "Registratiesysteem",
    operator: { onBehalfOf: "test" },
  });
  await withSystemTask(test.db, { task: "cli" }, async (tx) => {
    const [vtWorker] = await tx.select().from(users).where(sql`email = 'medewerker@vt-kennemerland.example'`);
    const [coordinator] = await tx
      .select()
      .from(users)
      .where(sql`email = 'coordinator.haarlem@vt-kennemerland.example'`);
    if (!coordinator) throw new Error("demo user missing");
    // A second factor with a recovery code, and a failed login (the worker role cannot write these: the superuser does).
    await test.db.insert(mfaCredentials).values({ userId: coordinator.id, totpSecret: "JBSWY3DPEHPK3PXP" });
    await test.db.insert(mfaRecoveryCodes).values({ userId: coordinator.id, codeHash: "0".repeat(64) });
    await test.db.insert(loginFailures).values({ accountKey: "1".repeat(64), clientAddress: "192.0.2.1" });
    await test.db.execute(sql`insert into user_invites (user_id, token_hash, expires_at)
      select id, 'rls-invite', now() + interval '7 days' from users where email = 'medewerker@swt-haarlem.example'`);
    if (!vtWorker) throw new Error("demo user missing");
    await createSession({ tx, userId: vtWorker.id, now });
    // The demo records no monitoring moment yet: an assessment of one condition at one moment of its trajectory.
    await tx.execute(sql`insert into vv_monitoring_assessments (moment_id, condition_id, status)
      select m.id, c.id, 'open' from vv_monitoring_moments m join vv_conditions c on c.trajectory_id = m.trajectory_id
      limit 1`);
    // A webhook abonnement of the wijkteam with one delivery (the bridge's fan-out writes these as the worker).
    await tx.execute(sql`with s as (
        insert into webhook_subscriptions (organisation_id, callback_url, signing_secret, contact_email, status)
        select id, 'https://wijkteam.example/hook', 'whsec_dGVzdA==', 'koppelingen@swt-haarlem.example', 'active'
        from organisations where slug = 'swt-haarlem' returning id)
      insert into webhook_deliveries (subscription_id, outbox_event_id, outbox_position)
      select s.id, o.id, o.position from s, (select id, position from outbox order by position limit 1) o`);
    // A destruction request for a VT file and the figures of a destroyed one (the worker writes both as well).
    await tx.execute(sql`insert into retention_requests (organisation_id, case_id, requested_on, requester_category,
        due_on, recorded_by_user_id, recorded_at)
      select c.organisation_id, c.id, '2026-11-20', 'betrokkene', '2027-02-20', u.id, now()
      from cases c, users u where u.email = 'beheer@vt-kennemerland.example' limit 1`);
    await tx.execute(sql`insert into retention_figures (organisation_id, municipality_code, year, outcome, reason, files)
      select organisation_id, municipality_code, 2006, 'other', 'retention_expired', 1 from cases limit 1`);
    // A continuity plan of VT (the bridge's worker role ends and announces them).
    await tx.execute(sql`insert into continuity_plans (organisation_id, starts_on, expected_end_on, services,
        declared_by_user_id, declared_at)
      select o.id, '2026-12-01', '2027-01-31', array['crisis_service'], u.id, now()
      from organisations o, users u where o.slug = 'vt-kennemerland' and u.email = 'beheer@vt-kennemerland.example'`);
    // A professional melder's address and one feedback on a case the wijkteam sees through a handover (superuser:
    // the worker role has no grant on the address).
    await test.db.execute(sql`insert into melder_addresses (case_id, organisation_id, email)
      select c.id, c.organisation_id, 'melder@school.example' from cases c
      where exists (select 1 from handovers h join organisations o on o.id = h.target_organisation_id
                    where h.case_id = c.id and h.offered_at is not null and h.status in ('offered', 'accepted', 'started')
                      and o.slug = 'swt-haarlem') limit 1`);
    await test.db.execute(sql`insert into melder_feedback (case_id, organisation_id, step, given_on)
      select case_id, organisation_id, 'assessment_completed', '2026-11-20' from melder_addresses`);
    // The same case on the wachtlijst with a contact moment and a change signal, and a contact frequency of VT
    // (superuser: no background role writes these).
    await test.db.execute(sql`insert into waiting_list_entries (case_id, organisation_id, priority, entered_on,
        entered_at, next_contact_due_on)
      select case_id, organisation_id, 'normal', '2026-11-20', now(), '2026-12-04' from melder_addresses`);
    await test.db.execute(sql`insert into waiting_list_contacts (entry_id, case_id, organisation_id, contacted_on, way,
        outcome)
      select id, case_id, organisation_id, '2026-11-23', 'phone', 'Gezin gebeld.' from waiting_list_entries`);
    await test.db.execute(sql`insert into case_change_signals (case_id, organisation_id, source, kind, description,
        received_on, reassessment_due_on)
      select case_id, organisation_id, 'partner', 'new_incident', 'Nieuw incident.', '2026-11-24', '2026-12-01'
      from melder_addresses`);
    await test.db.execute(sql`insert into waiting_list_contact_frequencies (organisation_id, region_id, priority,
        working_days)
      select o.id, r.id, 'normal', 10 from organisations o, regions r
      where o.slug = 'vt-kennemerland' and r.slug = 'haarlem-eo'`);
    // Haarlem's gemeente was told its two-week report is ready (the bridge writes these as the worker).
    await tx.execute(sql`insert into report_notices (organisation_id, period_from, period_to, notified_at)
      select id, '2026-11-16', '2026-11-29', now() from organisations where slug = 'gemeente-haarlem'`);
    // A knelpunt of VT's coördinator about the region Haarlem e.o. (the demo seed writes them as the worker too).
    await tx.execute(sql`insert into report_bottlenecks (organisation_id, region_id, period_from, period_to, text,
        written_by_user_id, written_at)
      select o.id, r.id, '2026-11-16', '2026-11-29', 'Wachttijd loopt op.', u.id, now()
      from organisations o, regions r, users u
      where o.slug = 'vt-kennemerland' and r.slug = 'haarlem-eo' and u.email = 'coordinator.haarlem@vt-kennemerland.example'`);
    for (const [key, kind] of [
      ["vt", "vt"],
      ["partner", "local_team"],
    ] as const) {
      const [organisation] = await tx
        .insert(organisations)
        .values({ slug: `elders-${key}`, name: `Elders ${key}`, kind })
        .returning({ id: organisations.id });
      const [person] = await tx
        .insert(users)
        .values({ email: `iemand@elders-${key}.example`, name: `Iemand Elders ${key}` })
        .returning({ id: users.id });
      if (!organisation || !person) throw new Error("insert returned nothing");
      await tx.insert(memberships).values({
        userId: person.id,
        organisationId: organisation.id,
        role: key === "vt" ? "functional_admin" : "partner_coordinator",
      });
      strangers[key] = { userId: person.id, organisationId: organisation.id, requestId: "rls-test" };
    }
  });
}, 120_000);
afterAll(async () => {
  await test?.drop();
});

/** Rows of a table as the application sees them in a request of this actor: the app's own connection and role. */
async function visibleRows(table: string, actor: RequestActor): Promise<number> {
  const [row] = await withRequest(test.db, actor, (tx) =>
    executeRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`),
  );
  return row?.n ?? -1;
}

async function actorFor(email: string): Promise<RequestActor> {
  const [row] = await executeRows<{ user_id: string; organisation_id: string }>(
    test.db,
    sql`select u.id as user_id, m.organisation_id from users u join memberships m on m.user_id = u.id
        where u.email = ${email} order by m.created_at limit 1`,
  );
  if (!row) throw new Error(`no demo person ${email}`);
  return { userId: row.user_id, organisationId: row.organisation_id, requestId: "rls-test" };
}

describe("row-level security", () => {
  it("is enabled and forced on every table, and every table is in the list", async () => {
    const tables = await executeRows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      test.db,
      sql`select c.relname, c.relrowsecurity, c.relforcerowsecurity from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
    );
    expect(tables.map((t) => t.relname).sort()).toEqual(Object.keys(RLS_TABLES).sort());
    for (const table of tables) {
      expect({ table: table.relname, enabled: table.relrowsecurity, forced: table.relforcerowsecurity }).toEqual({
        table: table.relname,
        enabled: true,
        forced: true,
      });
    }
  });

  it("runs requests as a role that is neither superuser nor owner of any table", async () => {
    const [row] = await withRequest(test.db, {}, (tx) =>
      executeRows<{ who: string; superuser: boolean; owns: number }>(
        tx,
        sql`select current_user as who, (select rolsuper from pg_roles where rolname = current_user) as superuser,
                   (select count(*)::int from pg_tables where tableowner = current_user) as owns`,
      ),
    );
    expect(row).toEqual({ who: "ketenportaal_app", superuser: false, owns: 0 });
  });

  describe.each(Object.entries(RLS_TABLES).filter(([, rule]) => rule.kind === "authentication"))("%s", (table) => {
    it("holds rows that only the authentication role reads; a request is refused the table", async () => {
      const [seen] = await withAuthentication(test.db, {}, (tx) =>
        executeRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`),
      );
      expect(seen?.n).toBeGreaterThan(0);
      for (const actor of [
        { requestId: "rls-test" },
        strangers.vt,
        await actorFor("coordinator.haarlem@vt-kennemerland.example"),
      ]) {
        await expect(visibleRows(table, actor)).rejects.toThrow();
      }
    });
  });

  describe.each(Object.entries(RLS_TABLES).filter(([, rule]) => rule.kind !== "authentication"))(
    "%s",
    (table, rule) => {
      it("holds rows, and shows some to the person they concern", async () => {
        const [all] = await executeRows<{ n: number }>(
          test.db,
          sql`select count(*)::int as n from ${sql.identifier(table)}`,
        );
        expect(all?.n, `${table} has no rows: the test would prove nothing`).toBeGreaterThan(0);
        expect(await visibleRows(table, await actorFor(rule.seenBy))).toBeGreaterThan(0);
      });

      it("shows nothing to a request without an organisation", async () => {
        expect(await visibleRows(table, { requestId: "rls-test" })).toBe(0);
      });

      it.each(["vt", "partner"] as const)("shows no foreign row to another organisation (%s)", async (key) => {
        const visible = await visibleRows(table, strangers[key]);
        if (rule.kind === "isolated" || (rule.kind === "plumbing" && key === "partner")) {
          expect(visible).toBe(0);
        } else {
          // The address book is shared by design, and the stranger VT's person is a functioneel beheerder.
          expect(visible).toBeGreaterThan(0);
        }
      });
    },
  );
});

describe("continuity plans (migration 0014)", () => {
  const declare = (actor: RequestActor) =>
    withRequest(test.db, actor, (tx) =>
      tx.execute(sql`insert into continuity_plans (organisation_id, starts_on, expected_end_on, services,
          declared_by_user_id, declared_at)
        values (${actor.organisationId}::uuid, '2027-06-01', '2027-07-01', array['duty_desk'], ${actor.userId}::uuid, now())`),
    );
  const endAll = (actor: RequestActor) =>
    withRequest(test.db, actor, async (tx) => {
      const rows = await executeRows<{ id: string }>(
        tx,
        sql`update continuity_plans set version = version where true returning id`,
      );
      throw Object.assign(new Error("rollback"), { rows: rows.length });
    }).catch((error: { rows?: number }) => error.rows ?? -1);

  it("lets only VT's functioneel beheerder write, for their own organisation", async () => {
    const vtAdmin = await actorFor("beheer@vt-kennemerland.example");
    expect(await endAll(vtAdmin)).toBeGreaterThan(0);
    for (const email of ["medewerker@vt-kennemerland.example", "coordinator@swt-haarlem.example"]) {
      const actor = await actorFor(email);
      expect(await endAll(actor), email).toBe(0);
      await expect(declare(actor), email).rejects.toThrow();
    }
    // Another VT's beheerder reads the plan but cannot change it, nor declare one in Kennemerland's name.
    expect(await endAll(strangers.vt)).toBe(0);
    await expect(declare({ ...strangers.vt, organisationId: vtAdmin.organisationId })).rejects.toThrow();
  });
});

describe("organisations and teams in beheer (migration 0022)", () => {
  /** Rows a statement touches as this actor; always rolled back. A refused insert is -1. */
  const touched = (actor: RequestActor, statement: ReturnType<typeof sql>) =>
    withRequest(test.db, actor, async (tx) => {
      const rows = await executeRows(tx, statement);
      throw Object.assign(new Error("rollback"), { rows: rows.length });
    }).catch((error: { rows?: number }) => error.rows ?? -1);
  const updateOrganisations = sql`update organisations set version = version where true returning id`;
  const updateTeams = sql`update teams set version = version where true returning id`;
  const deleteServed = sql`delete from team_municipalities where true returning team_id`;
  const insertOrganisation = sql`insert into organisations (slug, name, kind) values ('rls-nieuw', 'Nieuw', 'cjg')
    returning id`;
  const insertTeam = (organisationId: string) => sql`insert into teams (organisation_id, name, notification_email)
    values (${organisationId}::uuid, 'Nieuw team', 'nieuw@example.org') returning id`;

  it("lets VT's functioneel beheerder write organisations, teams and the gemeenten they serve", async () => {
    const admin = await actorFor("beheer@vt-kennemerland.example");
    const swt = await actorFor("coordinator@swt-haarlem.example");
    expect(await touched(admin, updateOrganisations)).toBeGreaterThan(5);
    expect(await touched(admin, updateTeams)).toBeGreaterThan(5);
    expect(await touched(admin, deleteServed)).toBeGreaterThan(5);
    expect(await touched(admin, insertOrganisation)).toBe(1);
    expect(await touched(admin, insertTeam(swt.organisationId ?? ""))).toBe(1);
  });

  it("lets a partner coördinator update only the teams of their own organisation", async () => {
    const swt = await actorFor("coordinator@swt-haarlem.example");
    const [own] = await executeRows<{ n: number }>(
      test.db,
      sql`select count(*)::int as n from teams where organisation_id = ${swt.organisationId}::uuid`,
    );
    expect(await touched(swt, updateTeams)).toBe(own?.n);
    expect(await touched(swt, updateOrganisations)).toBe(0);
    expect(await touched(swt, deleteServed)).toBe(0);
    expect(await touched(swt, insertTeam(swt.organisationId ?? ""))).toBe(-1);
    expect(await touched(swt, insertOrganisation)).toBe(-1);
  });

  it("refuses every other writer", async () => {
    for (const email of [
      "medewerker@vt-kennemerland.example",
      "coordinator.haarlem@vt-kennemerland.example",
      "medewerker@swt-haarlem.example",
      "beleid@gemeente-haarlem.example",
    ]) {
      const actor = await actorFor(email);
      expect(await touched(actor, updateOrganisations), email).toBe(0);
      expect(await touched(actor, updateTeams), email).toBe(0);
      expect(await touched(actor, deleteServed), email).toBe(0);
      expect(await touched(actor, insertOrganisation), email).toBe(-1);
      expect(await touched(actor, insertTeam(actor.organisationId ?? "")), email).toBe(-1);
    }
  });
});

describe("people in beheer (migration 0025)", () => {
  const touched = (actor: RequestActor, statement: ReturnType<typeof sql>) =>
    withRequest(test.db, actor, async (tx) => {
      const rows = await executeRows(tx, statement);
      throw Object.assign(new Error("rollback"), { rows: rows.length });
    }).catch((error: { rows?: number }) => error.rows ?? -1);
  const updateUsers = sql`update users set active = active where true returning id`;
  const updateMemberships = sql`update memberships set role = role where true returning id`;
  const insertUser = sql`insert into users (email, name) values ('rls-nieuw@example.org', 'Nieuw') returning id`;
  const insertMembership = (organisationId: string, role: string) => sql`insert into memberships
      (user_id, organisation_id, role) select id, ${organisationId}::uuid, ${role}::role from users
      where email = 'medewerker@vt-kennemerland.example' returning id`;

  it("lets VT's functioneel beheerder write every person and membership", async () => {
    const admin = await actorFor("beheer@vt-kennemerland.example");
    const swt = await actorFor("coordinator@swt-haarlem.example");
    expect(await touched(admin, updateUsers)).toBeGreaterThan(5);
    expect(await touched(admin, updateMemberships)).toBeGreaterThan(5);
    expect(await touched(admin, insertUser)).toBe(1);
    expect(await touched(admin, insertMembership(swt.organisationId ?? "", "partner_worker"))).toBe(1);
  });

  it("lets a partner coördinator write only their own organisation's people, in partner roles", async () => {
    const swt = await actorFor("coordinator@swt-haarlem.example");
    const vt = await actorFor("medewerker@vt-kennemerland.example");
    const [own] = await executeRows<{ people: number; partner: number }>(
      test.db,
      sql`select count(distinct user_id)::int as people,
            count(*) filter (where role in ('partner_worker', 'partner_coordinator'))::int as partner
          from memberships where organisation_id = ${swt.organisationId}::uuid`,
    );
    expect(await touched(swt, updateUsers)).toBe(own?.people);
    expect(await touched(swt, updateMemberships)).toBe(own?.partner);
    expect(await touched(swt, insertMembership(swt.organisationId ?? "", "partner_worker"))).toBe(1);
    expect(await touched(swt, insertMembership(swt.organisationId ?? "", "functional_admin"))).toBe(-1);
    expect(await touched(swt, insertMembership(vt.organisationId ?? "", "partner_worker"))).toBe(-1);
    expect(await touched(swt, sql`update users set password_hash = null where true returning id`)).toBe(-1);
  });

  it("refuses every other writer", async () => {
    for (const email of [
      "medewerker@vt-kennemerland.example",
      "coordinator.haarlem@vt-kennemerland.example",
      "medewerker@swt-haarlem.example",
      "beleid@gemeente-haarlem.example",
    ]) {
      const actor = await actorFor(email);
      expect(await touched(actor, updateUsers), email).toBe(0);
      expect(await touched(actor, updateMemberships), email).toBe(0);
      expect(await touched(actor, insertUser), email).toBe(-1);
      expect(await touched(actor, insertMembership(actor.organisationId ?? "", "partner_worker")), email).toBe(-1);
    }
  });
});

describe("withdrawing invites and correcting names and addresses (migration 0030)", () => {
  const touched = (actor: RequestActor, statement: ReturnType<typeof sql>) =>
    withRequest(test.db, actor, async (tx) => {
      const rows = await executeRows(tx, statement);
      throw Object.assign(new Error("rollback"), { rows: rows.length });
    }).catch((error: { rows?: number }) => error.rows ?? -1);
  // Everyone gets an open invite for this test (removed again at the end), so each actor's reach is counted.
  const revokeAll = sql`update user_invites set expires_at = now() where true returning id`;
  const renameAll = sql`update users set name = name, email = email where true returning id`;
  const inviteEveryone = sql`insert into user_invites (user_id, token_hash, expires_at)
      select id, 'rls-0030-' || id::text, now() + interval '7 days' from users`;

  it("lets VT's beheerder withdraw any invite and correct anyone; a partner coördinator only their own people", async () => {
    await executeRows(test.db, inviteEveryone);
    onTestFinished(async () => {
      await executeRows(test.db, sql`delete from user_invites where token_hash like 'rls-0030-%'`);
    });
    const admin = await actorFor("beheer@vt-kennemerland.example");
    const swt = await actorFor("coordinator@swt-haarlem.example");
    const [counts] = await executeRows<{ invites: number; own: number; users: number; people: number }>(
      test.db,
      sql`select (select count(*)::int from user_invites) as invites,
            (select count(*)::int from user_invites i where exists (select 1 from memberships t
              where t.user_id = i.user_id and t.organisation_id = ${swt.organisationId}::uuid)) as own,
            (select count(*)::int from users) as users,
            (select count(distinct user_id)::int from memberships
              where organisation_id = ${swt.organisationId}::uuid) as people`,
    );
    expect(await touched(admin, revokeAll)).toBe(counts?.invites);
    expect(await touched(swt, revokeAll)).toBe(counts?.own);
    expect(await touched(admin, renameAll)).toBe(counts?.users);
    expect(await touched(swt, renameAll)).toBe(counts?.people);
    // Only the expiry: not the token or whether it was used.
    expect(await touched(admin, sql`update user_invites set used_at = now() where true returning id`)).toBe(-1);
    expect(await touched(admin, sql`update user_invites set token_hash = 'x' where true returning id`)).toBe(-1);
    for (const email of [
      "medewerker@vt-kennemerland.example",
      "coordinator.haarlem@vt-kennemerland.example",
      "medewerker@swt-haarlem.example",
      "beleid@gemeente-haarlem.example",
    ]) {
      const actor = await actorFor(email);
      expect(await touched(actor, revokeAll), email).toBe(0);
      expect(await touched(actor, renameAll), email).toBe(0);
    }
  });
});

describe("service accounts in beheer (migration 0028)", () => {
  const touched = (actor: RequestActor, statement: ReturnType<typeof sql>) =>
    withRequest(test.db, actor, async (tx) => {
      const rows = await executeRows(tx, statement);
      throw Object.assign(new Error("rollback"), { rows: rows.length });
    }).catch((error: { rows?: number }) => error.rows ?? -1);
  const insertAccount = (organisationId: string) => sql`insert into service_accounts
      (organisation_id, name, token_hash, expires_at)
    values (${organisationId}::uuid, 'RLS-koppeling', md5(random()::text), now() + interval '1 year') returning id`;

  it("lets only VT's functioneel beheerder create one, for any organisation, without setting its use or revocation", async () => {
    const admin = await actorFor("beheer@vt-kennemerland.example");
    const swt = await actorFor("coordinator@swt-haarlem.example");
    expect(await touched(admin, insertAccount(swt.organisationId ?? ""))).toBe(1);
    expect(
      await touched(
        admin,
        sql`insert into service_accounts (organisation_id, name, token_hash, revoked_at)
          values (${swt.organisationId}::uuid, 'RLS', 'x', now()) returning id`,
      ),
    ).toBe(-1);
    for (const email of [
      "coordinator@swt-haarlem.example",
      "medewerker@vt-kennemerland.example",
      "coordinator.haarlem@vt-kennemerland.example",
      "medewerker@swt-haarlem.example",
      "beleid@gemeente-haarlem.example",
    ]) {
      const actor = await actorFor(email);
      expect(await touched(actor, insertAccount(actor.organisationId ?? "")), email).toBe(-1);
    }
  });
});

describe("regions in beheer (migration 0027)", () => {
  const touched = (actor: RequestActor, statement: ReturnType<typeof sql>) =>
    withRequest(test.db, actor, async (tx) => {
      const rows = await executeRows(tx, statement);
      throw Object.assign(new Error("rollback"), { rows: rows.length });
    }).catch((error: { rows?: number }) => error.rows ?? -1);
  const updateRegions = sql`update regions set acceptance_deadline_days = acceptance_deadline_days where true
    returning id`;
  const moveMunicipalities = sql`update municipalities set region_id = region_id where true returning code`;
  const insertRegion = sql`insert into regions (slug, name) values ('rls-nieuw', 'Nieuw') returning id`;

  it("lets VT's functioneel beheerder write regions and move gemeenten between them", async () => {
    const admin = await actorFor("beheer@vt-kennemerland.example");
    expect(await touched(admin, updateRegions)).toBeGreaterThan(2);
    expect(await touched(admin, moveMunicipalities)).toBeGreaterThan(5);
    expect(await touched(admin, insertRegion)).toBe(1);
    expect(await touched(admin, sql`update municipalities set name = name where true returning code`)).toBe(-1);
  });

  it("refuses every other writer, coördinatoren included", async () => {
    for (const email of [
      "medewerker@vt-kennemerland.example",
      "coordinator.haarlem@vt-kennemerland.example",
      "coordinator@swt-haarlem.example",
      "medewerker@swt-haarlem.example",
      "beleid@gemeente-haarlem.example",
    ]) {
      const actor = await actorFor(email);
      expect(await touched(actor, updateRegions), email).toBe(0);
      expect(await touched(actor, moveMunicipalities), email).toBe(0);
      expect(await touched(actor, insertRegion), email).toBe(-1);
    }
  });
});

describe("report notices (migration 0017)", () => {
  it("cannot be written in a request, not even by the gemeente they concern", async () => {
    const officer = await actorFor("beleid@gemeente-haarlem.example");
    await expect(
      withRequest(test.db, officer, (tx) =>
        tx.execute(sql`insert into report_notices (organisation_id, period_from, period_to, notified_at)
          values (${officer.organisationId}::uuid, '2026-11-30', '2026-12-13', now())`),
      ),
    ).rejects.toThrow();
  });
});

describe("knelpunten (migration 0019)", () => {
  it("are written only by a VT teamcoördinator of the organisation, in its own name", async () => {
    const write = (actor: RequestActor, periodFrom: string, writer?: string) =>
      withRequest(test.db, actor, (tx) =>
        tx.execute(sql`insert into report_bottlenecks (organisation_id, region_id, period_from, period_to, text,
            written_by_user_id, written_at)
          select ${actor.organisationId}::uuid, r.id, ${periodFrom}::date, ${periodFrom}::date + 13, 'Tekst',
                 ${writer ?? actor.userId}::uuid, now()
          from regions r where r.slug = 'ijmond'`),
      );
    const coordinator = await actorFor("coordinator.haarlem@vt-kennemerland.example");
    await write(coordinator, "2026-11-02");
    for (const email of ["medewerker@vt-kennemerland.example", "beleid@gemeente-haarlem.example"]) {
      await expect(write(await actorFor(email), "2026-10-19"), email).rejects.toThrow();
    }
    const worker = await actorFor("medewerker@vt-kennemerland.example");
    await expect(write(coordinator, "2026-10-05", worker.userId ?? undefined), "in another's name").rejects.toThrow();
  });
});

describe("the melder of a case (migration 0015)", () => {
  it("is hidden from a partner that sees the case through a handover", async () => {
    const [address] = await executeRows<{ case_id: string }>(test.db, sql`select case_id from melder_addresses`);
    if (!address) throw new Error("no melder address seeded");
    const partner = await actorFor("medewerker@swt-haarlem.example");
    const [seen] = await withRequest(test.db, partner, (tx) =>
      executeRows<{ cases: number; addresses: number; feedback: number }>(
        tx,
        sql`select (select count(*)::int from cases where id = ${address.case_id}) as cases,
                   (select count(*)::int from melder_addresses where case_id = ${address.case_id}) as addresses,
                   (select count(*)::int from melder_feedback where case_id = ${address.case_id}) as feedback`,
      ),
    );
    expect(seen).toEqual({ cases: 1, addresses: 0, feedback: 0 });
  });
});

describe("the wachtlijst (migration 0020)", () => {
  it("is hidden from a partner that sees the case through a handover, and from the gemeente", async () => {
    const [entry] = await executeRows<{ case_id: string }>(test.db, sql`select case_id from waiting_list_entries`);
    if (!entry) throw new Error("no waiting list entry seeded");
    const count = (email: string) =>
      actorFor(email).then((actor) =>
        withRequest(test.db, actor, (tx) =>
          executeRows<Record<string, number>>(
            tx,
            sql`select (select count(*)::int from waiting_list_entries where case_id = ${entry.case_id}) as entries,
                       (select count(*)::int from waiting_list_contacts where case_id = ${entry.case_id}) as contacts,
                       (select count(*)::int from case_change_signals where case_id = ${entry.case_id}) as signals,
                       (select count(*)::int from waiting_list_contact_frequencies) as frequencies`,
          ),
        ),
      );
    const none = { entries: 0, contacts: 0, signals: 0, frequencies: 0 };
    expect((await count("medewerker@swt-haarlem.example"))[0]).toEqual(none);
    expect((await count("beleid@gemeente-haarlem.example"))[0]).toEqual(none);
    expect((await count("medewerker@vt-kennemerland.example"))[0]).toEqual({
      entries: 1,
      contacts: 1,
      signals: 1,
      frequencies: 1,
    });
  });

  it("cannot be written by a partner, not even for a case it sees", async () => {
    const [entry] = await executeRows<{ case_id: string }>(test.db, sql`select case_id from waiting_list_entries`);
    if (!entry) throw new Error("no waiting list entry seeded");
    const partner = await actorFor("medewerker@swt-haarlem.example");
    for (const organisationId of [partner.organisationId, null]) {
      await expect(
        withRequest(test.db, partner, (tx) =>
          tx.execute(sql`insert into case_change_signals (case_id, organisation_id, source, kind, description,
              received_on, reassessment_due_on)
            select c.id, coalesce(${organisationId}::uuid, c.organisation_id), 'partner', 'other', 'x', '2026-11-24',
                   '2026-12-01'
            from cases c where c.id = ${entry.case_id}`),
        ),
      ).rejects.toThrow();
    }
  });
});

describe("the audit log for a functioneel beheerder (migration 0011)", () => {
  it("shows the organisation's own rows, rows about its cases and its people's failed logins — nothing else", async () => {
    const [ids] = await executeRows<{ vt: string; swt: string; vt_case: string; vt_user: string; swt_user: string }>(
      test.db,
      sql`select (select id from organisations where slug = 'vt-kennemerland') as vt,
                 (select id from organisations where slug = 'swt-haarlem') as swt,
                 (select c.id from cases c join organisations o on o.id = c.organisation_id
                   where o.slug = 'vt-kennemerland' limit 1) as vt_case,
                 (select id from users where email = 'medewerker@vt-kennemerland.example') as vt_user,
                 (select id from users where email = 'medewerker@swt-haarlem.example') as swt_user`,
    );
    if (!ids) throw new Error("demo missing");
    const row = (requestId: string, values: Record<string, string | null>) => ({
      purpose: "handover",
      action: "read" as const,
      objectType: "handover",
      outcome: "success" as const,
      requestId,
      ...values,
    });
    await test.db
      .insert(auditLog)
      .values([
        row("al-own", { organisationId: ids.vt, userId: ids.vt_user }),
        row("al-partner-on-our-case", { organisationId: ids.swt, userId: ids.swt_user, caseId: ids.vt_case }),
        row("al-partner-own", { organisationId: ids.swt, userId: ids.swt_user }),
        { ...row("al-login-ours", { organisationId: null, userId: ids.vt_user }), outcome: "failure" as const },
        { ...row("al-login-theirs", { organisationId: null, userId: ids.swt_user }), outcome: "failure" as const },
        row("al-login-nobody", { organisationId: null, userId: null }),
      ]);
    const seen = async (email: string | RequestActor) => {
      const actor = typeof email === "string" ? await actorFor(email) : email;
      const rows = await withRequest(test.db, actor, (tx) =>
        executeRows<{ request_id: string }>(
          tx,
          sql`select request_id from audit_log where request_id like 'al-%' order by request_id`,
        ),
      );
      return rows.map((r) => r.request_id);
    };
    expect(await seen("beheer@vt-kennemerland.example")).toEqual(["al-login-ours", "al-own", "al-partner-on-our-case"]);
    // Nobody else reads the log in a request: not VT's caseworkers, not the partner, not another VT's beheerder.
    expect(await seen("coordinator.haarlem@vt-kennemerland.example")).toEqual([]);
    expect(await seen("coordinator@swt-haarlem.example")).toEqual([]);
    expect(await seen(strangers.vt)).toEqual([]);
  });
});
