import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Database, executeRows } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTHORIZATION_POLICY, isAllowed, type Relation, type Subject } from "./authorization-policy";
import { type ApiCaller, appRouter, createApiCaller } from "./router";
import { createServiceAccount } from "./services/accounts/manage-accounts";
import { logIn } from "./services/auth/log-in";
import type { Principal, Role } from "./services/auth/principal";
import { completeSecondFactor, findSessionPrincipal } from "./services/auth/sessions";
import { hashToken } from "./services/auth/tokens";
import { DEMO_PASSWORD, demoUsers } from "./services/demo/demo-region";
import { seedDemoCases } from "./services/demo/seed-demo-cases";
import { seedDemoRegion } from "./services/demo/seed-demo-region";
import { testApiConfig } from "./testing/callers";

/**
 * The authorisation matrix: every procedure of the router, called as every demo person against a record of each
 * relation they have to it, compared with `AUTHORIZATION_POLICY`. Each call runs in a transaction that is rolled
 * back, so every call meets the seeded demo as it is, and the inputs can be valid ones.
 */

type UserPrincipal = Extract<Principal, { kind: "user" }>;
type Records = {
  caseId: string;
  handover: Record<string, { id: string; version: number }>;
  trajectory: { id: string; version: number; conditionId: string; conditionVersion: number };
  moment: { id: string; version: number; trajectoryId: string };
  agendaCaseId: string;
  meeting: { id: string; version: number; itemId: string; itemVersion: number };
  regionId: string;
  teamId: string;
  swtOrganisationId: string;
  swtWorkerId: string;
  vtWorkerId: string;
  failedMailId: string | null;
  serviceAccountId: string | null;
  webhookSubscriptionId: string;
  failedWebhookDeliveryId: string;
};
type Call = {
  subject: Subject;
  recordOf: (r: Records) => string | null;
  /** Brings the record into the state the call needs, as the table owner inside the rolled-back transaction. */
  setup?: (tx: Database, r: Records) => Promise<unknown>;
  run: (api: ApiCaller, r: Records, person: UserPrincipal) => unknown;
  /** Needs a session that passed the second factor (`mfaProcedure`): called with one, and refused without. */
  mfa?: true;
};

const today = "2026-11-25";
const MATRIX_INVITE_TOKEN = "kpi_matrix-invite-token";
const handoverOf = (r: Records, status: string) => r.handover[status] ?? { id: crypto.randomUUID(), version: 1 };
const none = () => null;
/** A closed VT file (nothing in progress) and the id its destruction request gets in `setup`. */
const retentionFixture = { requestId: crypto.randomUUID(), caseId: "", reference: "MATRIX-BEWAAR-1" };
const openRetentionRequest = (tx: Database) =>
  tx.execute(sql`insert into retention_requests (id, organisation_id, case_id, requested_on, requester_category,
      due_on, recorded_by_user_id, recorded_at)
    select ${retentionFixture.requestId}::uuid, c.organisation_id, c.id, ${today}::date, 'betrokkene', '2027-02-25',
      u.id, now() from cases c, users u
    where c.id = ${retentionFixture.caseId}::uuid and u.email = 'beheer@vt-kennemerland.example'`);

/** An active continuity plan of VT, declared by its beheerder, for `admin.continuityPlan.end`. */
const continuityPlanId = crypto.randomUUID();
const activeContinuityPlan = (tx: Database) =>
  tx.execute(sql`insert into continuity_plans (id, organisation_id, starts_on, expected_end_on, services,
      declared_by_user_id, declared_at, start_notified_at)
    select ${continuityPlanId}::uuid, o.id, ${today}::date, '2026-12-31', array['crisis_service'], u.id, now(), now()
    from organisations o, users u where o.slug = 'vt-kennemerland' and u.email = 'beheer@vt-kennemerland.example'`);

/** The case on the wachtlijst since 20 November (as the table owner), for the calls about a waiting case. */
const waitingCase = (tx: Database, r: Records) =>
  tx.execute(sql`insert into waiting_list_entries (case_id, organisation_id, priority, entered_on, entered_at,
      next_contact_due_on)
    select c.id, c.organisation_id, 'normal', '2026-11-20', now(), '2026-12-04' from cases c
    where c.id = ${r.caseId}::uuid
      and not exists (select 1 from waiting_list_entries w where w.case_id = c.id and w.left_at is null)`);

/** How each procedure is called; the record (for the relation) and a valid input from the seeded demo. */
const CALLS: Record<string, Call | "not-called"> = {
  me: { subject: "none", recordOf: none, run: (api) => api.me() },
  // Authentication concerns the caller's own session, not a record.
  "auth.login": {
    subject: "none",
    recordOf: none,
    run: (api, _r, person) => api.auth.login({ email: person.user.email, password: DEMO_PASSWORD }),
  },
  "auth.logout": { subject: "none", recordOf: none, run: (api) => api.auth.logout() },
  "auth.methods": { subject: "none", recordOf: none, run: (api) => api.auth.methods() },
  "auth.mfa.status": { subject: "none", recordOf: none, run: (api) => api.auth.mfa.status() },
  "auth.mfa.startEnrolment": { subject: "none", recordOf: none, run: (api) => api.auth.mfa.startEnrolment() },
  // These need a TOTP code from the enrolment's secret or an OpenID provider: services/auth's tests cover them.
  "auth.mfa.confirmEnrolment": "not-called",
  "auth.mfa.verify": "not-called",
  "auth.oidc.start": "not-called",
  "auth.oidc.finish": "not-called",
  "auth.invite.get": {
    subject: "none",
    recordOf: none,
    run: (api) => api.auth.invite.get({ token: "kpi_onbekend-token" }),
  },
  // An open invite (the rolled-back transaction's) for SWT's medewerker: the token is the authorisation.
  "auth.invite.accept": {
    subject: "none",
    recordOf: none,
    setup: (tx) =>
      tx.execute(sql`insert into user_invites (user_id, token_hash, expires_at)
        select id, ${hashToken(MATRIX_INVITE_TOKEN)}, now() + interval '1 day' from users
        where email = 'medewerker@swt-haarlem.example'`),
    run: (api) =>
      api.auth.invite.accept({
        token: MATRIX_INVITE_TOKEN,
        password: "een-nieuw-wachtwoord",
        passwordConfirmation: "een-nieuw-wachtwoord",
      }),
  },

  "case.create": {
    subject: "none",
    recordOf: none,
    run: (api) =>
      api.case.create({
        reference: "VT-2026-9001",
        municipalityCode: "GM0392",
        reportedAt: new Date("2026-11-20T09:00:00Z"),
        persons: [],
      }),
  },
  "case.update": {
    subject: "case",
    recordOf: (r) => r.caseId,
    run: async (api, r) => {
      const current = await api.case.get({ id: r.caseId });
      return api.case.update({ id: r.caseId, version: current.version, priority: "high" });
    },
  },
  "case.get": { subject: "case", recordOf: (r) => r.caseId, run: (api, r) => api.case.get({ id: r.caseId }) },
  "case.revealBsn": {
    subject: "case",
    recordOf: (r) => r.caseId,
    // The person is looked up as the table owner, so a refusal is revealBsn's own, not case.get's.
    run: async (api, r) => {
      const person = await one<{ id: string }>(
        sql`select id from involved_persons where case_id = ${r.caseId} limit 1`,
      );
      return api.case.revealBsn({ personId: person.id });
    },
  },
  "case.list": { subject: "none", recordOf: none, run: (api) => api.case.list() },
  "case.triageQueue": { subject: "none", recordOf: none, run: (api) => api.case.triageQueue() },
  "case.melding.get": {
    subject: "case",
    recordOf: (r) => r.caseId,
    run: (api, r) => api.case.melding.get({ id: r.caseId }),
  },
  "case.melding.record": {
    subject: "case",
    recordOf: (r) => r.caseId,
    run: async (api, r) => {
      const { version } = await caseVersion(r.caseId);
      return api.case.melding.record({
        id: r.caseId,
        version,
        reportedAt: new Date("2026-11-20T09:00:00Z"),
        municipalityCode: "GM0392",
        melderKind: "professional",
        melderEmail: "zorgcoordinator@school.example",
        childrenInHousehold: true,
      });
    },
  },
  "case.melding.completeAssessment": {
    subject: "case",
    recordOf: (r) => r.caseId,
    setup: (tx, r) => tx.execute(sql`update cases set safety_assessment_completed_at = null where id = ${r.caseId}`),
    run: async (api, r) => {
      const { version } = await caseVersion(r.caseId);
      return api.case.melding.completeAssessment({ id: r.caseId, version, conclusion: "Onderzoek nodig." });
    },
  },
  "case.melding.startInvestigation": {
    subject: "case",
    recordOf: (r) => r.caseId,
    run: async (api, r) => {
      const { version } = await caseVersion(r.caseId);
      return api.case.melding.startInvestigation({ id: r.caseId, version });
    },
  },
  "case.melding.finishInvestigation": {
    subject: "case",
    recordOf: (r) => r.caseId,
    setup: (tx, r) =>
      tx.execute(sql`update cases set investigation_started_at = ${now.toISOString()}::timestamptz,
        investigation_due_on = '2027-02-03' where id = ${r.caseId}`),
    run: async (api, r) => {
      const { version } = await caseVersion(r.caseId);
      return api.case.melding.finishInvestigation({ id: r.caseId, version });
    },
  },
  "case.melding.recordFeedback": {
    subject: "case",
    recordOf: (r) => r.caseId,
    setup: (tx, r) => tx.execute(sql`update cases set melder_kind = 'professional' where id = ${r.caseId}`),
    run: async (api, r) => {
      const { version } = await caseVersion(r.caseId);
      return api.case.melding.recordFeedback({ id: r.caseId, version, step: "assessment_completed" });
    },
  },

  "waitingList.list": { subject: "none", recordOf: none, run: (api) => api.waitingList.list() },
  "waitingList.enter": {
    subject: "case",
    recordOf: (r) => r.caseId,
    setup: (tx, r) =>
      tx.execute(sql`update cases set safety_assessment_completed_at = ${now.toISOString()}::timestamptz,
        priority = 'normal' where id = ${r.caseId}`),
    run: async (api, r) => {
      const { version } = await caseVersion(r.caseId);
      return api.waitingList.enter({ id: r.caseId, version });
    },
  },
  "waitingList.leave": {
    subject: "case",
    recordOf: (r) => r.caseId,
    setup: waitingCase,
    run: async (api, r) => {
      const { version } = await caseVersion(r.caseId);
      return api.waitingList.leave({ id: r.caseId, version, reason: "service_started" });
    },
  },
  "waitingList.recordContact": {
    subject: "case",
    recordOf: (r) => r.caseId,
    setup: waitingCase,
    run: async (api, r) => {
      const { version } = await caseVersion(r.caseId);
      return api.waitingList.recordContact({ id: r.caseId, version, way: "letter", outcome: "Wachtbrief verstuurd." });
    },
  },
  "waitingList.recordChangeSignal": {
    subject: "case",
    recordOf: (r) => r.caseId,
    run: async (api, r) => {
      const { version } = await caseVersion(r.caseId);
      return api.waitingList.recordChangeSignal({
        id: r.caseId,
        version,
        source: "partner",
        kind: "new_incident",
        description: "Nieuw incident gemeld door de school.",
      });
    },
  },

  "handover.create": {
    subject: "case",
    recordOf: (r) => r.caseId,
    run: (api, r) => api.handover.create({ caseId: r.caseId, targetTeamId: r.teamId }),
  },
  "handover.update": {
    subject: "handover",
    recordOf: (r) => handoverOf(r, "draft").id,
    run: (api, r) => api.handover.update({ ...handoverOf(r, "draft"), concerns: "Bijgewerkt." }),
  },
  "handover.offer": {
    subject: "handover",
    recordOf: (r) => handoverOf(r, "draft").id,
    run: (api, r) => api.handover.offer(handoverOf(r, "draft")),
  },
  "handover.withdraw": {
    subject: "handover",
    recordOf: (r) => handoverOf(r, "offered").id,
    run: (api, r) => api.handover.withdraw({ ...handoverOf(r, "offered"), reasonText: "Test." }),
  },
  "handover.accept": {
    subject: "handover",
    recordOf: (r) => handoverOf(r, "offered").id,
    run: (api, r) => api.handover.accept(handoverOf(r, "offered")),
  },
  "handover.decline": {
    subject: "handover",
    recordOf: (r) => handoverOf(r, "offered").id,
    run: (api, r) => api.handover.decline({ ...handoverOf(r, "offered"), reasonCode: "no_capacity" }),
  },
  "handover.assign": {
    subject: "handover",
    recordOf: (r) => handoverOf(r, "accepted").id,
    run: (api, r) => api.handover.assign({ ...handoverOf(r, "accepted"), userId: r.swtWorkerId }),
  },
  "handover.start": {
    subject: "handover",
    recordOf: (r) => handoverOf(r, "accepted").id,
    run: (api, r) => api.handover.start({ ...handoverOf(r, "accepted"), firstContactOn: today }),
  },
  "handover.complete": {
    subject: "handover",
    recordOf: (r) => handoverOf(r, "started").id,
    run: (api, r) => api.handover.complete({ ...handoverOf(r, "started"), outcomeCode: "help_started" }),
  },
  "handover.returnToVt": {
    subject: "handover",
    recordOf: (r) => handoverOf(r, "started").id,
    run: (api, r) => api.handover.returnToVt({ ...handoverOf(r, "started"), reasonText: "Nieuwe signalen." }),
  },
  "handover.inbox": { subject: "none", recordOf: none, run: (api) => api.handover.inbox() },
  "handover.list": { subject: "none", recordOf: none, run: (api) => api.handover.list() },
  "handover.get": {
    subject: "handover",
    recordOf: (r) => handoverOf(r, "offered").id,
    run: (api, r) => api.handover.get({ id: handoverOf(r, "offered").id }),
  },
  "handover.formOptions": { subject: "none", recordOf: none, run: (api) => api.handover.formOptions() },
  "handover.assignees": {
    subject: "handover",
    recordOf: (r) => handoverOf(r, "accepted").id,
    run: (api, r) => api.handover.assignees({ id: handoverOf(r, "accepted").id }),
  },

  "notification.list": { subject: "none", recordOf: none, run: (api) => api.notification.list() },
  "notification.unreadCount": { subject: "none", recordOf: none, run: (api) => api.notification.unreadCount() },
  "notification.markRead": { subject: "none", recordOf: none, run: (api) => api.notification.markRead({ all: true }) },

  "table.create": {
    subject: "none",
    recordOf: none,
    run: (api, r) =>
      api.table.create({
        regionId: r.regionId,
        scheduledAt: new Date("2026-12-15T13:00:00Z"),
        participantOrganisationIds: [r.swtOrganisationId],
      }),
  },
  "table.list": { subject: "none", recordOf: none, run: (api) => api.table.list() },
  "table.get": {
    subject: "table",
    recordOf: (r) => r.meeting.id,
    run: (api, r) => api.table.get({ id: r.meeting.id }),
  },
  "table.minutes": {
    subject: "table",
    recordOf: (r) => r.meeting.id,
    run: (api, r) => api.table.minutes({ id: r.meeting.id }),
  },
  "table.addItem": {
    subject: "table",
    recordOf: (r) => r.meeting.id,
    run: (api, r) => api.table.addItem({ meetingId: r.meeting.id, caseId: r.agendaCaseId, shortReason: "Bespreken." }),
  },
  "table.removeItem": {
    subject: "table",
    recordOf: (r) => r.meeting.id,
    run: (api, r) => api.table.removeItem({ id: r.meeting.itemId, version: r.meeting.itemVersion }),
  },
  "table.decide": {
    subject: "table",
    recordOf: (r) => r.meeting.id,
    run: (api, r) =>
      api.table.decide({ id: r.meeting.itemId, version: r.meeting.itemVersion, kind: "vt_keeps", note: "VT houdt." }),
  },
  "table.close": {
    subject: "table",
    recordOf: (r) => r.meeting.id,
    // Closing needs every item decided: the test decides them first (VT keeps), then closes.
    setup: (tx, r) =>
      tx.execute(sql`update table_agenda_items set decision = 'vt_keeps', decided_at = now(),
        decided_by_user_id = ${r.vtWorkerId} where meeting_id = ${r.meeting.id} and decision is null`),
    run: (api, r) => api.table.close({ id: r.meeting.id, version: r.meeting.version }),
  },
  "table.formOptions": { subject: "none", recordOf: none, run: (api) => api.table.formOptions({}) },

  "vv.create": {
    subject: "case",
    recordOf: (r) => r.caseId,
    run: (api, r) =>
      api.vv.create({
        caseId: r.caseId,
        partnerOrganisationId: r.swtOrganisationId,
        partnerWorkerUserId: r.swtWorkerId,
      }),
  },
  "vv.list": { subject: "none", recordOf: none, run: (api) => api.vv.list() },
  "vv.get": { subject: "vv", recordOf: (r) => r.trajectory.id, run: (api, r) => api.vv.get({ id: r.trajectory.id }) },
  "vv.addCondition": {
    subject: "vv",
    recordOf: (r) => r.trajectory.id,
    run: (api, r) =>
      api.vv.addCondition({
        trajectoryId: r.trajectory.id,
        text: "Geen geweld.",
        owner: "household",
        dueOn: "2026-12-10",
      }),
  },
  "vv.updateCondition": {
    subject: "vv",
    recordOf: (r) => r.trajectory.id,
    run: (api, r) =>
      api.vv.updateCondition({
        id: r.trajectory.conditionId,
        version: r.trajectory.conditionVersion,
        status: "met",
        note: "Nagekomen.",
      }),
  },
  "vv.scheduleMonitoring": {
    subject: "vv",
    recordOf: (r) => r.trajectory.id,
    run: (api, r) =>
      api.vv.scheduleMonitoring({
        trajectoryId: r.trajectory.id,
        scheduledOn: "2026-12-08",
        attendeeUserIds: [r.vtWorkerId],
      }),
  },
  "vv.recordMonitoring": {
    subject: "vv",
    recordOf: (r) => r.moment.trajectoryId,
    run: (api, r) => api.vv.recordMonitoring({ id: r.moment.id, version: r.moment.version, outcome: "Gesproken." }),
  },
  "vv.addTimelineEntry": {
    subject: "vv",
    recordOf: (r) => r.trajectory.id,
    run: (api, r) => api.vv.addTimelineEntry({ trajectoryId: r.trajectory.id, text: "Bericht." }),
  },
  "vv.close": {
    subject: "vv",
    recordOf: (r) => r.trajectory.id,
    // Closing needs every condition settled.
    setup: (tx, r) =>
      tx.execute(
        sql`update vv_conditions set status = 'met' where trajectory_id = ${r.trajectory.id} and status = 'open'`,
      ),
    run: (api, r) =>
      api.vv.close({
        id: r.trajectory.id,
        version: r.trajectory.version,
        outcomeCode: "continued_by_partner",
        followUpOrganisationId: r.swtOrganisationId,
        followUpUserId: r.swtWorkerId,
      }),
  },
  "vv.formOptions": { subject: "none", recordOf: none, run: (api) => api.vv.formOptions() },

  "admin.events.list": { subject: "none", recordOf: none, run: (api) => api.admin.events.list() },
  "admin.mail.list": { subject: "none", recordOf: none, run: (api) => api.admin.mail.list() },
  "admin.mail.retry": {
    subject: "none",
    recordOf: none,
    run: (api, r) => api.admin.mail.retry({ id: r.failedMailId ?? crypto.randomUUID() }),
  },
  "admin.serviceAccounts.list": { subject: "none", recordOf: none, run: (api) => api.admin.serviceAccounts.list() },
  "admin.serviceAccounts.create": {
    subject: "none",
    recordOf: none,
    run: (api, r) =>
      api.admin.serviceAccounts.create({
        organisationId: r.swtOrganisationId,
        // A name of its own per call: an organisation's active accounts have different names.
        name: `Matrixkoppeling ${crypto.randomUUID().slice(0, 8)}`,
        expiresOn: "2027-06-30",
      }),
  },
  "admin.serviceAccounts.revoke": {
    subject: "none",
    recordOf: none,
    run: (api, r) => api.admin.serviceAccounts.revoke({ id: r.serviceAccountId ?? crypto.randomUUID() }),
  },
  "report.gemeente": {
    subject: "none",
    recordOf: none,
    run: (api) => api.report.gemeente({ from: "2026-11-01", to: today }),
  },
  "report.trend": { subject: "none", recordOf: none, run: (api) => api.report.trend({ periods: 3 }) },
  "report.saveBottleneck": {
    subject: "none",
    recordOf: none,
    run: (api, r) =>
      api.report.saveBottleneck({ regionId: r.regionId, date: today, text: "Wachttijd loopt op in de regio." }),
  },
  "admin.retention.overview": { subject: "none", recordOf: none, run: (api) => api.admin.retention.overview() },
  "admin.retention.recordRequest": {
    subject: "none",
    recordOf: none,
    run: (api) =>
      api.admin.retention.recordRequest({
        caseReference: retentionFixture.reference,
        requestedOn: today,
        requesterCategory: "betrokkene",
      }),
  },
  "admin.retention.carryOut": {
    subject: "none",
    recordOf: none,
    setup: openRetentionRequest,
    run: (api) => api.admin.retention.carryOut({ id: retentionFixture.requestId, version: 1 }),
  },
  "admin.retention.refuse": {
    subject: "none",
    recordOf: none,
    setup: openRetentionRequest,
    run: (api) =>
      api.admin.retention.refuse({ id: retentionFixture.requestId, version: 1, reasonCode: "legal_obligation" }),
  },
  "admin.regions.list": { subject: "none", recordOf: none, run: (api) => api.admin.regions.list() },
  "admin.regions.create": {
    subject: "none",
    recordOf: none,
    run: async (api) =>
      api.admin.regions.create({
        name: "Matrixregio",
        contactUserId: (await api.admin.regions.list()).contactCandidates[0]?.id ?? crypto.randomUUID(),
        acceptanceDeadlineDays: 3,
        firstContactDeadlineDays: 10,
      }),
  },
  "admin.regions.update": {
    subject: "none",
    recordOf: none,
    run: (api, r) => api.admin.regions.update({ id: r.regionId, version: 1, acceptanceDeadlineDays: 4 }),
  },
  "admin.regions.contactFrequencies": {
    subject: "none",
    recordOf: none,
    run: (api) => api.admin.regions.contactFrequencies(),
  },
  "admin.regions.setContactFrequencies": {
    subject: "none",
    recordOf: none,
    run: (api, r) =>
      api.admin.regions.setContactFrequencies({ regionId: r.regionId, frequencies: { high: 3, normal: 10, low: 15 } }),
  },
  "admin.organisations.list": { subject: "none", recordOf: none, run: (api) => api.admin.organisations.list() },
  "admin.organisations.create": {
    subject: "none",
    recordOf: none,
    run: (api) =>
      api.admin.organisations.create({
        name: "Matrix Wijkteam",
        kind: "local_team",
        oin: null,
        municipalityCode: null,
      }),
  },
  "admin.organisations.update": {
    subject: "none",
    recordOf: none,
    run: async (api, r) => {
      const org = await one<{ version: number; oin: string | null }>(
        sql`select version, oin from organisations where id = ${r.swtOrganisationId}`,
      );
      return api.admin.organisations.update({
        id: r.swtOrganisationId,
        version: org.version,
        name: "Sociaal Wijkteam Haarlem (matrix)",
        kind: "local_team",
        oin: org.oin,
        municipalityCode: null,
        active: true,
      });
    },
  },
  "admin.teams.list": { subject: "none", recordOf: none, run: (api) => api.admin.teams.list() },
  "admin.teams.create": {
    subject: "none",
    recordOf: none,
    run: (api, r) =>
      api.admin.teams.create({
        organisationId: r.swtOrganisationId,
        name: "Matrix team",
        notificationEmail: "matrix@swt-haarlem.example",
        municipalityCodes: ["GM0392"],
      }),
  },
  // A partner coördinator edits a team of their own organisation; everyone else is offered the demo team.
  "admin.teams.update": {
    subject: "none",
    recordOf: none,
    run: async (api, r, person) => {
      const team = await ownTeamOf(r, person);
      return api.admin.teams.update({ id: team.id, version: team.version, notificationEmail: "matrix@team.example" });
    },
  },
  "admin.teams.sendTestMessage": {
    subject: "none",
    recordOf: none,
    run: async (api, r, person) => api.admin.teams.sendTestMessage({ id: (await ownTeamOf(r, person)).id }),
  },
  // People: a partner coördinator acts on a partner medewerker of their own organisation, everyone else on SWT's.
  "admin.people.list": {
    subject: "none",
    recordOf: none,
    run: async (api, _r, person) => api.admin.people.list({ organisationId: (await managedPersonOf(person)).orgId }),
  },
  "admin.people.invite": {
    subject: "none",
    recordOf: none,
    run: async (api, _r, person) =>
      api.admin.people.invite({
        name: "Matrix Genodigde",
        email: `matrix-${crypto.randomUUID()}@swt-haarlem.example`,
        organisationId: (await managedPersonOf(person)).orgId,
        teamId: null,
        role: "partner_worker",
      }),
  },
  "admin.people.update": {
    subject: "none",
    recordOf: none,
    run: async (api, _r, person) => {
      const target = await managedPersonOf(person);
      return api.admin.people.update({
        membershipId: target.membershipId,
        role: "partner_coordinator",
        teamId: target.teamId,
        expectedRole: target.role,
        expectedTeamId: target.teamId,
      });
    },
  },
  "admin.people.deactivate": {
    subject: "none",
    recordOf: none,
    run: async (api, _r, person) => api.admin.people.deactivate({ userId: (await managedPersonOf(person)).userId }),
  },
  "admin.people.reactivate": {
    subject: "none",
    recordOf: none,
    setup: (tx) => tx.execute(sql`update users set active = false where email = 'medewerker@swt-haarlem.example'`),
    run: async (api, _r, person) => api.admin.people.reactivate({ userId: (await managedPersonOf(person)).userId }),
  },
  "admin.people.reinvite": {
    subject: "none",
    recordOf: none,
    setup: (tx) =>
      tx.execute(sql`insert into user_invites (user_id, token_hash, expires_at)
        select id, 'matrix-expired-invite', now() - interval '1 day' from users
        where email = 'medewerker@swt-haarlem.example'`),
    run: async (api, _r, person) => api.admin.people.reinvite({ userId: (await managedPersonOf(person)).userId }),
  },
  "admin.people.revokeInvite": {
    subject: "none",
    recordOf: none,
    setup: (tx) =>
      tx.execute(sql`insert into user_invites (user_id, token_hash, expires_at)
        select id, 'matrix-open-invite', now() + interval '7 days' from users
        where email = 'medewerker@swt-haarlem.example'`),
    run: async (api, _r, person) => api.admin.people.revokeInvite({ userId: (await managedPersonOf(person)).userId }),
  },
  "admin.people.resetMfa": {
    subject: "none",
    recordOf: none,
    run: async (api, _r, person) => api.admin.people.resetMfa({ userId: (await managedPersonOf(person)).userId }),
  },
  "admin.continuityPlan.list": { subject: "none", recordOf: none, run: (api) => api.admin.continuityPlan.list() },
  "admin.continuityPlan.declare": {
    subject: "none",
    recordOf: none,
    run: (api) =>
      api.admin.continuityPlan.declare({
        startsOn: "2027-06-01",
        expectedEndOn: "2027-09-30",
        services: ["crisis_service", "duty_desk"],
      }),
  },
  "admin.continuityPlan.end": {
    subject: "none",
    recordOf: none,
    setup: activeContinuityPlan,
    run: (api) => api.admin.continuityPlan.end({ id: continuityPlanId, version: 1 }),
  },
  "continuityPlan.current": { subject: "none", recordOf: none, run: (api) => api.continuityPlan.current() },
  "admin.webhooks.deliveries.list": {
    subject: "none",
    recordOf: none,
    run: (api) => api.admin.webhooks.deliveries.list(),
  },
  "admin.webhooks.deliveries.resend": {
    subject: "none",
    recordOf: none,
    run: (api, r) => api.admin.webhooks.deliveries.resend({ id: r.failedWebhookDeliveryId }),
  },

  "admin.audit.search": {
    subject: "none",
    recordOf: none,
    mfa: true,
    run: (api) => api.admin.audit.search({ from: "2026-11-01", to: today, outcome: "success", limit: 10 }),
  },
  "admin.audit.resolveFilters": {
    subject: "none",
    recordOf: none,
    mfa: true,
    run: (api, _r, person) => api.admin.audit.resolveFilters({ userEmail: person.user.email }),
  },

  "webhook.subscriptions.list": { subject: "none", recordOf: none, run: (api) => api.webhook.subscriptions.list() },
  "webhook.subscriptions.create": {
    subject: "none",
    recordOf: none,
    // A real receiver on loopback answers the validation handshake (the test config allows loopback targets).
    run: (api) =>
      api.webhook.subscriptions.create({ callbackUrl: receiverUrl, contactEmail: "koppelingen@partner.example" }),
  },
  "webhook.subscriptions.get": {
    subject: "webhook",
    recordOf: (r) => r.webhookSubscriptionId,
    run: (api, r) => api.webhook.subscriptions.get({ id: r.webhookSubscriptionId }),
  },
  "webhook.subscriptions.delete": {
    subject: "webhook",
    recordOf: (r) => r.webhookSubscriptionId,
    run: (api, r) => api.webhook.subscriptions.delete({ id: r.webhookSubscriptionId }),
  },
};

/** A webhook receiver that agrees to every validation handshake. */
let receiver: Server;
let receiverUrl = "";

let test: TestDatabase;
let records: Records;
/** Every demo person twice: a session without the second factor, and one that passed it. */
const people: { email: string; role: Role; principal: UserPrincipal; mfaPrincipal: UserPrincipal }[] = [];
const now = new Date("2026-11-25T10:00:00Z");
const DENIED = new Set(["FORBIDDEN", "NOT_FOUND", "UNAUTHORIZED"]);

/** The first team of the person's organisation, or the demo team when it has none (read as the table owner). */
async function ownTeamOf(r: Records, person: UserPrincipal): Promise<{ id: string; version: number }> {
  const rows = await executeRows<{ id: string; version: number }>(
    test.db,
    sql`select id, version from teams where organisation_id = ${person.organisation.id} or id = ${r.teamId}
        order by (organisation_id = ${person.organisation.id}) desc, name limit 1`,
  );
  const team = rows[0];
  if (!team) throw new Error("no team");
  return team;
}

/** The partner medewerker a person's people calls are about: one of their own organisation, else SWT's. */
async function managedPersonOf(person: UserPrincipal) {
  return one<{ userId: string; membershipId: string; orgId: string; role: Role; teamId: string | null }>(
    sql`select m.user_id as "userId", m.id as "membershipId", m.organisation_id as "orgId", m.role,
          m.team_id as "teamId"
        from memberships m join users u on u.id = m.user_id join organisations o on o.id = m.organisation_id
        where m.role = 'partner_worker' and (m.organisation_id = ${person.organisation.id} or o.slug = 'swt-haarlem')
        order by (m.organisation_id = ${person.organisation.id}) desc, u.email limit 1`,
  );
}

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await executeRows<T>(test.db, query);
  if (!row) throw new Error("demo record missing");
  return row;
}

/** A case's version as committed, read as the table owner (a refusal then is the procedure's own). */
function caseVersion(id: string): Promise<{ version: number }> {
  return one<{ version: number }>(sql`select version from cases where id = ${id}`);
}

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now, config: testApiConfig });
  const meta = { requestId: "matrix", clientAddress: null };
  for (const user of demoUsers) {
    const { token } = await logIn({ db: test.db, email: user.email, password: DEMO_PASSWORD, meta, now });
    const principal = await findSessionPrincipal({ db: test.db, token, now });
    // A second session that checked the second factor, completed as the code step does it.
    const second = await logIn({ db: test.db, email: user.email, password: DEMO_PASSWORD, meta, now });
    const session = await findSessionPrincipal({ db: test.db, token: second.token, now });
    if (principal?.kind !== "user" || session?.kind !== "user") throw new Error(`no principal for ${user.email}`);
    const verified = await completeSecondFactor({ tx: test.db, sessionId: session.sessionId, now });
    const mfaPrincipal = await findSessionPrincipal({ db: test.db, token: verified.token, now });
    if (mfaPrincipal?.kind !== "user" || mfaPrincipal.mfa !== true || principal.mfa === true) {
      throw new Error(`no sessions with and without the second factor for ${user.email}`);
    }
    people.push({ email: user.email, role: user.role, principal, mfaPrincipal });
  }
  // One handover per state, to the Wijkteam Haarlem (the demo SWT medewerker's team) where the demo has one.
  const handoverRows = await executeRows<{ status: string; id: string; version: number }>(
    test.db,
    sql`select distinct on (h.status) h.status::text as status, h.id, h.version from handovers h
        join teams t on t.id = h.target_team_id
        order by h.status, (t.name = 'Wijkteam Haarlem') desc, h.updated_at desc`,
  );
  const trajectory = await one<{ id: string; version: number; condition_id: string; condition_version: number }>(
    sql`select t.id, t.version, c.id as condition_id, c.version as condition_version from vv_trajectories t
        join organisations o on o.id = t.partner_organisation_id join vv_conditions c on c.trajectory_id = t.id
        where o.slug = 'swt-haarlem' and t.status = 'open' and c.status = 'open' limit 1`,
  );
  // A moment that is due (the demo's overdue one), whichever trajectory it belongs to.
  const moment = await one<{ id: string; version: number; trajectory_id: string }>(
    sql`select id, version, trajectory_id from vv_monitoring_moments
        where recorded_at is null and scheduled_on <= ${today} order by scheduled_on limit 1`,
  );
  const meeting = await one<{ id: string; version: number; item_id: string; item_version: number }>(
    sql`select m.id, m.version, i.id as item_id, i.version as item_version from table_meetings m
        join regions r on r.id = m.region_id join table_agenda_items i on i.meeting_id = m.id
        where r.slug = 'haarlem-eo' and m.status = 'planned' and i.decision is null limit 1`,
  );
  const offered = handoverRows.find((row) => row.status === "offered");
  // A case of the meeting's region, assessed, that is not on its agenda yet.
  const agendaCase = await one<{ id: string }>(
    sql`select c.id from cases c join municipalities mu on mu.code = c.municipality_code
        join table_meetings m on m.region_id = mu.region_id and m.id = ${meeting.id}
        where c.safety_assessment_completed_at is not null
          and not exists (select 1 from table_agenda_items i where i.case_id = c.id and i.meeting_id = m.id) limit 1`,
  );
  const ids = await one<{
    case_id: string;
    region_id: string;
    team_id: string;
    swt_id: string;
    swt_worker_id: string;
    vt_worker_id: string;
  }>(
    sql`select (select case_id from handovers where id = ${offered?.id ?? null}) as case_id,
               (select id from regions where slug = 'haarlem-eo') as region_id,
               (select id from teams where name = 'Wijkteam Haarlem') as team_id,
               (select id from organisations where slug = 'swt-haarlem') as swt_id,
               (select id from users where email = 'medewerker@swt-haarlem.example') as swt_worker_id,
               (select id from users where email = 'medewerker@vt-kennemerland.example') as vt_worker_id`,
  );
  records = {
    caseId: ids.case_id,
    handover: Object.fromEntries(handoverRows.map((row) => [row.status, { id: row.id, version: row.version }])),
    trajectory: {
      id: trajectory.id,
      version: trajectory.version,
      conditionId: trajectory.condition_id,
      conditionVersion: trajectory.condition_version,
    },
    moment: { id: moment.id, version: moment.version, trajectoryId: moment.trajectory_id },
    agendaCaseId: agendaCase.id,
    meeting: { id: meeting.id, version: meeting.version, itemId: meeting.item_id, itemVersion: meeting.item_version },
    regionId: ids.region_id,
    teamId: ids.team_id,
    swtOrganisationId: ids.swt_id,
    swtWorkerId: ids.swt_worker_id,
    vtWorkerId: ids.vt_worker_id,
    failedMailId: null,
    serviceAccountId: null,
    webhookSubscriptionId: "",
    failedWebhookDeliveryId: "",
  };
  // The wijkteam's webhook abonnement with one delivery parked after its last attempt.
  const webhook = await one<{ subscription_id: string; delivery_id: string }>(
    sql`with s as (
          insert into webhook_subscriptions (organisation_id, callback_url, signing_secret, contact_email, status,
            activated_at)
          values (${ids.swt_id}, 'https://wijkteam.example/hook', 'whsec_dGVzdA==', 'koppelingen@swt-haarlem.example',
            'active', ${now.toISOString()}::timestamptz) returning id),
        d as (
          insert into webhook_deliveries (subscription_id, outbox_event_id, outbox_position, status, attempts, failed_at)
          select s.id, o.id, o.position, 'failed', 8, ${now.toISOString()}::timestamptz
          from s, (select id, position from outbox order by position limit 1) o returning id, subscription_id)
        select subscription_id, id as delivery_id from d`,
  );
  records.webhookSubscriptionId = webhook.subscription_id;
  records.failedWebhookDeliveryId = webhook.delivery_id;
  receiver = createServer((request, response) => {
    response.setHeader("WebHook-Allowed-Origin", String(request.headers["webhook-request-origin"] ?? ""));
    response.end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  // One e-mail given up on, for the beheerder's "opnieuw versturen".
  const failed = await one<{ id: string }>(
    sql`update mail_outbox set failed_at = ${now.toISOString()}::timestamptz, attempts = 8
        where id = (select id from mail_outbox order by created_at limit 1) returning id`,
  );
  records.failedMailId = failed.id;
  // A partner system's access, for the beheerder to revoke.
  const account = await createServiceAccount({
    db: test.db,
    organisationSlug: "swt-haarlem",
    name: "Registratiesysteem SWT",
    operator: { requestId: "authorization-matrix", onBehalfOf: "test" },
  });
  records.serviceAccountId = account.serviceAccountId;
}, 180_000);
afterAll(async () => {
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  await test?.drop();
});

// A VT file with nothing in progress, for the beheerder's destruction requests.
beforeAll(async () => {
  const file = await one<{ id: string }>(
    sql`insert into cases (organisation_id, reference, municipality_code, reported_at, safety_assessment_due_on)
        select id, ${retentionFixture.reference}, 'GM0392', ${now.toISOString()}::timestamptz, ${today}::date
        from organisations where slug = 'vt-kennemerland' returning id`,
  );
  retentionFixture.caseId = file.id;
});

/** The relation of a person to a record, read from the data (not from the code under test). */
async function relationOf(subject: Subject, recordId: string | null, person: UserPrincipal): Promise<Relation> {
  const org = person.organisation.id;
  const teamScoped = person.roles.every((role) => role === "partner_worker");
  const team = teamScoped ? (person.team?.id ?? null) : null;
  const query = {
    none: sql`select 'other' as relation`,
    case: sql`select case when c.organisation_id = ${org} then 'own'
                when exists (select 1 from handovers h where h.case_id = c.id and h.target_organisation_id = ${org}
                             and h.offered_at is not null)
                  or exists (select 1 from vv_trajectories v where v.case_id = c.id and v.partner_organisation_id = ${org})
                then 'addressed' else 'other' end as relation from cases c where c.id = ${recordId}`,
    handover: sql`select case when h.organisation_id = ${org} then 'own'
                    when h.target_organisation_id = ${org} and h.offered_at is not null
                      and (${team}::uuid is null or h.target_team_id = ${team}::uuid) then 'addressed'
                    else 'other' end as relation from handovers h where h.id = ${recordId}`,
    vv: sql`select case when v.organisation_id = ${org} then 'own' when v.partner_organisation_id = ${org}
              then 'addressed' else 'other' end as relation from vv_trajectories v where v.id = ${recordId}`,
    table: sql`select case when m.organisation_id = ${org} then 'own'
                 when exists (select 1 from table_meeting_participants p where p.meeting_id = m.id
                              and p.organisation_id = ${org}) then 'addressed'
                 else 'other' end as relation from table_meetings m where m.id = ${recordId}`,
    webhook: sql`select case when s.organisation_id = ${org} then 'own' else 'other' end as relation
                 from webhook_subscriptions s where s.id = ${recordId}`,
  }[subject];
  return (await one<{ relation: Relation }>(query)).relation;
}

/** Calls one procedure as one person in a transaction that is always rolled back; the outcome's code. */
async function outcomeOf(call: Call, person: UserPrincipal): Promise<string> {
  let outcome = "unknown";
  const rollback = new Error("rollback");
  await test.db
    .transaction(async (outer) => {
      const api = createApiCaller({
        db: outer as unknown as Database,
        principal: person,
        meta: { requestId: "matrix", clientAddress: null },
        config: testApiConfig,
        now: () => now,
      });
      await call.setup?.(outer as unknown as Database, records);
      try {
        await call.run(api, records, person);
        outcome = "OK";
      } catch (error) {
        outcome = error instanceof TRPCError ? error.code : `THROWN ${String(error)}`;
      }
      throw rollback;
    })
    .catch((error) => {
      if (error !== rollback) throw error;
    });
  return outcome;
}

describe("the authorisation matrix", () => {
  it("declares every procedure of the router, and nothing else", () => {
    const procedures = Object.keys(
      (appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures,
    ).sort();
    expect(Object.keys(AUTHORIZATION_POLICY).sort()).toEqual(procedures);
    expect(Object.keys(CALLS).sort()).toEqual(procedures);
  });

  it("refuses or allows every procedure for every demo role and relation as the policy says", async () => {
    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (const [procedure, call] of Object.entries(CALLS)) {
      if (call === "not-called") continue;
      const rule = AUTHORIZATION_POLICY[procedure];
      if (!rule) throw new Error(`no policy for ${procedure}`);
      for (const person of people) {
        const relation =
          call.subject === "none" ? "none" : await relationOf(call.subject, call.recordOf(records), person.principal);
        const outcome = await outcomeOf(call, call.mfa ? person.mfaPrincipal : person.principal);
        const allowed = isAllowed(procedure, person.role, relation);
        seen.add(`${procedure}:${relation}`);
        // Allowed: the call succeeds (every input here is a valid one). Refused: FORBIDDEN, NOT_FOUND or UNAUTHORIZED.
        if (allowed ? outcome !== "OK" : !DENIED.has(outcome)) {
          mismatches.push(
            `${procedure} as ${person.email} (${person.role}, ${relation}): policy ${allowed ? "allows" : "refuses"}, got ${outcome}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Record-bound procedures met at least two relations each (own for VT, addressed or other for partners).
    for (const [procedure, call] of Object.entries(CALLS)) {
      if (call === "not-called" || call.subject === "none") continue;
      const relations = ["own", "addressed", "other"].filter((relation) => seen.has(`${procedure}:${relation}`));
      expect(relations.length, `${procedure} met only ${relations.join(", ")}`).toBeGreaterThanOrEqual(2);
    }
  }, 300_000);

  it("refuses every procedure that needs the second factor to every session without it", async () => {
    const needsMfa = Object.entries(CALLS).filter(
      (entry): entry is [string, Call] => entry[1] !== "not-called" && entry[1].mfa === true,
    );
    expect(needsMfa.map(([procedure]) => procedure)).toContain("admin.audit.search");
    const mismatches: string[] = [];
    for (const [procedure, call] of needsMfa) {
      for (const person of people) {
        const outcome = await outcomeOf(call, person.principal);
        if (outcome !== "FORBIDDEN") mismatches.push(`${procedure} as ${person.email} without MFA: got ${outcome}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
