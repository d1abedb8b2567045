import type { Role } from "./services/auth/principal";

/**
 * The caller's relation to the record a procedure is about:
 * - `own`: the record belongs to the caller's organisation (VT's case, handover, trajectory, meeting);
 * - `addressed`: it is addressed to the caller — a handover offered to their organisation (and, for a partner
 *   medewerker, to their team), a V&V trajectory with their organisation as partner, a meeting they take part in;
 * - `other`: neither.
 * Procedures about no record (lists, forms, one's own notices) use `none`.
 */
export type Relation = "own" | "addressed" | "other";
export type Subject = "none" | "case" | "handover" | "vv" | "table" | "webhook";

export type ProcedureRule = {
  subject: Subject;
  /** Per role, the relations in which the call gets past authorisation. Absent role: refused. */
  allow: Partial<Record<Role, readonly (Relation | "none")[]>>;
};

const VT = ["vt_worker", "team_coordinator"] as const;
const PARTNER = ["partner_worker", "partner_coordinator"] as const;
const ALL_ROLES: readonly Role[] = [
  "functional_admin",
  "vt_worker",
  "team_coordinator",
  "partner_worker",
  "partner_coordinator",
  "policy_officer",
];

function rule(subject: Subject, ...grants: [readonly Role[], readonly (Relation | "none")[]][]): ProcedureRule {
  const allow: ProcedureRule["allow"] = {};
  for (const [roles, relations] of grants) for (const role of roles) allow[role] = relations;
  return { subject, allow };
}

const everyone = rule("none", [ALL_ROLES, ["none"]]);
const vtOwn = rule("handover", [VT, ["own"]]);
const partnerAddressed = rule("handover", [PARTNER, ["addressed"]]);

/**
 * Who may call which procedure (DESIGN.md section 1 and the access rules in `services/*\/access.ts`). The
 * authorisation matrix test calls every procedure of the router as every demo role against records of each
 * relation and compares the outcome with this table; a procedure missing here fails it.
 */
export const AUTHORIZATION_POLICY: Record<string, ProcedureRule> = {
  me: everyone,
  // Authentication: open to anyone (a caller without a session too); refused credentials are not authorisation.
  "auth.login": everyone,
  "auth.logout": everyone,
  "auth.methods": everyone,
  "auth.mfa.status": everyone,
  "auth.mfa.startEnrolment": everyone,
  "auth.mfa.confirmEnrolment": everyone,
  "auth.mfa.verify": everyone,
  "auth.oidc.start": everyone,
  "auth.oidc.finish": everyone,
  "auth.invite.get": everyone,
  "auth.invite.accept": everyone,

  // Cases: VT's own files; a partner sees a case only through the handover or trajectory addressed to it.
  "case.create": rule("none", [VT, ["none"]]),
  "case.update": rule("case", [VT, ["own"]]),
  "case.get": rule("case", [VT, ["own"]]),
  // The full BSN: VT's own case only, on request, audited (decision 011); partners see the masked form only.
  "case.revealBsn": rule("case", [VT, ["own"]]),
  "case.list": rule("none", [VT, ["none"]]),
  // Meldingen and triage: VT's own cases only; the melder's address never leaves VT (migration 0015).
  "case.triageQueue": rule("none", [VT, ["none"]]),
  "case.melding.get": rule("case", [VT, ["own"]]),
  "case.melding.record": rule("case", [VT, ["own"]]),
  "case.melding.completeAssessment": rule("case", [VT, ["own"]]),
  "case.melding.startInvestigation": rule("case", [VT, ["own"]]),
  "case.melding.finishInvestigation": rule("case", [VT, ["own"]]),
  "case.melding.recordFeedback": rule("case", [VT, ["own"]]),

  // The wachtlijst (decision 017): VT's own cases only; no partner, no gemeente.
  "waitingList.list": rule("none", [VT, ["none"]]),
  "waitingList.enter": rule("case", [VT, ["own"]]),
  "waitingList.leave": rule("case", [VT, ["own"]]),
  "waitingList.recordContact": rule("case", [VT, ["own"]]),
  "waitingList.recordChangeSignal": rule("case", [VT, ["own"]]),

  // Handovers: VT composes, offers and withdraws; the addressed partner accepts, declines, starts, completes,
  // returns; a partner coördinator assigns.
  "handover.create": rule("case", [VT, ["own"]]),
  "handover.update": vtOwn,
  "handover.offer": vtOwn,
  "handover.withdraw": vtOwn,
  "handover.accept": partnerAddressed,
  "handover.decline": partnerAddressed,
  "handover.assign": rule("handover", [["partner_coordinator"], ["addressed"]]),
  "handover.start": partnerAddressed,
  "handover.complete": partnerAddressed,
  "handover.returnToVt": partnerAddressed,
  "handover.inbox": rule("none", [[...VT, ...PARTNER], ["none"]]),
  "handover.list": rule("none", [[...VT, ...PARTNER], ["none"]]),
  "handover.get": rule("handover", [VT, ["own"]], [PARTNER, ["addressed"]]),
  "handover.formOptions": rule("none", [VT, ["none"]]),
  // Who can be assigned: shown to the addressed partner (a medewerker sees the list, a coördinator assigns).
  "handover.assignees": partnerAddressed,

  // One's own notices.
  "notification.list": everyone,
  "notification.unreadCount": everyone,
  "notification.markRead": everyone,

  // Overdrachtstafels: a VT coördinator plans, chairs, decides and closes; VT works the agenda; participants read.
  "table.create": rule("none", [["team_coordinator"], ["none"]]),
  "table.list": rule("none", [[...VT, ...PARTNER], ["none"]]),
  "table.get": rule("table", [VT, ["own"]], [PARTNER, ["addressed"]]),
  "table.minutes": rule("table", [VT, ["own"]], [PARTNER, ["addressed"]]),
  "table.addItem": rule("table", [VT, ["own"]]),
  "table.removeItem": rule("table", [VT, ["own"]]),
  "table.decide": rule("table", [["team_coordinator"], ["own"]]),
  "table.close": rule("table", [["team_coordinator"], ["own"]]),
  "table.formOptions": rule("none", [VT, ["none"]]),

  // V&V: VT opens; VT and the partner organisation work the trajectory together, either side can close it.
  "vv.create": rule("case", [VT, ["own"]]),
  "vv.list": rule("none", [[...VT, ...PARTNER], ["none"]]),
  "vv.get": rule("vv", [VT, ["own"]], [PARTNER, ["addressed"]]),
  "vv.addCondition": rule("vv", [VT, ["own"]], [PARTNER, ["addressed"]]),
  "vv.updateCondition": rule("vv", [VT, ["own"]], [PARTNER, ["addressed"]]),
  "vv.scheduleMonitoring": rule("vv", [VT, ["own"]], [PARTNER, ["addressed"]]),
  "vv.recordMonitoring": rule("vv", [VT, ["own"]], [PARTNER, ["addressed"]]),
  "vv.addTimelineEntry": rule("vv", [VT, ["own"]], [PARTNER, ["addressed"]]),
  "vv.close": rule("vv", [VT, ["own"]], [PARTNER, ["addressed"]]),
  "vv.formOptions": rule("none", [[...VT, ...PARTNER], ["none"]]),

  // Beheer: the plumbing, for the functioneel beheerder only.
  "admin.events.list": rule("none", [["functional_admin"], ["none"]]),
  "admin.mail.list": rule("none", [["functional_admin"], ["none"]]),
  "admin.mail.retry": rule("none", [["functional_admin"], ["none"]]),
  "admin.serviceAccounts.list": rule("none", [["functional_admin"], ["none"]]),
  // A new partner system's access: VT's beheerder only (the service refuses a partner's beheerder).
  "admin.serviceAccounts.create": rule("none", [["functional_admin"], ["none"]]),
  "admin.serviceAccounts.revoke": rule("none", [["functional_admin"], ["none"]]),
  // The audit log: the functioneel beheerder, in a session with the second factor (the matrix proves a session
  // without it is refused); which rows they see is migration 0011's policy.
  // Aggregates only (decision 014): VT sees every gemeente, a gemeente its own and its region's totals.
  "report.gemeente": rule("none", [["vt_worker", "team_coordinator", "functional_admin", "policy_officer"], ["none"]]),
  "report.trend": rule("none", [["vt_worker", "team_coordinator", "functional_admin", "policy_officer"], ["none"]]),
  // Knelpunten: VT's teamcoördinator writes them (the service refuses a coördinator of another kind of organisation).
  "report.saveBottleneck": rule("none", [["team_coordinator"], ["none"]]),
  "admin.audit.search": rule("none", [["functional_admin"], ["none"]]),
  "admin.audit.resolveFilters": rule("none", [["functional_admin"], ["none"]]),
  // Bewaartermijnen: the VT organisation's beheerder (the demo's only one); the service refuses a partner's beheerder.
  "admin.retention.overview": rule("none", [["functional_admin"], ["none"]]),
  "admin.retention.recordRequest": rule("none", [["functional_admin"], ["none"]]),
  "admin.retention.carryOut": rule("none", [["functional_admin"], ["none"]]),
  "admin.retention.refuse": rule("none", [["functional_admin"], ["none"]]),
  "admin.regions.list": rule("none", [["functional_admin"], ["none"]]),
  "admin.regions.create": rule("none", [["functional_admin"], ["none"]]),
  "admin.regions.update": rule("none", [["functional_admin"], ["none"]]),
  "admin.regions.contactFrequencies": rule("none", [["functional_admin"], ["none"]]),
  "admin.regions.setContactFrequencies": rule("none", [["functional_admin"], ["none"]]),
  // Organisaties en teams (issue 10): the VT beheerder manages all; a partner coördinator lists the teams of their own
  // organisation, changes a team's notification address and sends the test message (the service refuses the rest).
  "admin.organisations.list": rule("none", [["functional_admin"], ["none"]]),
  "admin.organisations.create": rule("none", [["functional_admin"], ["none"]]),
  "admin.organisations.update": rule("none", [["functional_admin"], ["none"]]),
  "admin.teams.list": rule("none", [["functional_admin", "partner_coordinator"], ["none"]]),
  "admin.teams.create": rule("none", [["functional_admin"], ["none"]]),
  "admin.teams.update": rule("none", [["functional_admin", "partner_coordinator"], ["none"]]),
  "admin.teams.sendTestMessage": rule("none", [["functional_admin", "partner_coordinator"], ["none"]]),
  "admin.people.list": rule("none", [["functional_admin", "partner_coordinator"], ["none"]]),
  "admin.people.invite": rule("none", [["functional_admin", "partner_coordinator"], ["none"]]),
  "admin.people.update": rule("none", [["functional_admin", "partner_coordinator"], ["none"]]),
  "admin.people.deactivate": rule("none", [["functional_admin", "partner_coordinator"], ["none"]]),
  "admin.people.reactivate": rule("none", [["functional_admin", "partner_coordinator"], ["none"]]),
  "admin.people.reinvite": rule("none", [["functional_admin", "partner_coordinator"], ["none"]]),
  "admin.people.resetMfa": rule("none", [["functional_admin", "partner_coordinator"], ["none"]]),
  "admin.people.revokeInvite": rule("none", [["functional_admin", "partner_coordinator"], ["none"]]),
  // Het continuïteitsplan: VT's beheerder declares and ends it (the service refuses a partner's beheerder);
  // everyone signed in reads the period in force for the banner.
  "admin.continuityPlan.list": rule("none", [["functional_admin"], ["none"]]),
  "admin.continuityPlan.declare": rule("none", [["functional_admin"], ["none"]]),
  "admin.continuityPlan.end": rule("none", [["functional_admin"], ["none"]]),
  "continuityPlan.current": everyone,
  "admin.webhooks.deliveries.list": rule("none", [["functional_admin"], ["none"]]),
  "admin.webhooks.deliveries.resend": rule("none", [["functional_admin"], ["none"]]),

  // Webhook abonnementen: an organisation's coördinator (and its partner system, a service account outside this
  // matrix of people) manages its own; the functioneel beheerder manages them for every organisation.
  "webhook.subscriptions.list": rule("none", [["functional_admin", "partner_coordinator"], ["none"]]),
  "webhook.subscriptions.create": rule("none", [["functional_admin", "partner_coordinator"], ["none"]]),
  "webhook.subscriptions.get": rule(
    "webhook",
    [["functional_admin"], ["own", "other"]],
    [["partner_coordinator"], ["own"]],
  ),
  "webhook.subscriptions.delete": rule(
    "webhook",
    [["functional_admin"], ["own", "other"]],
    [["partner_coordinator"], ["own"]],
  ),
};

/** Whether the policy lets this role call this procedure on a record of this relation. */
export function isAllowed(procedure: string, role: Role, relation: Relation | "none"): boolean {
  return AUTHORIZATION_POLICY[procedure]?.allow[role]?.includes(relation) ?? false;
}
