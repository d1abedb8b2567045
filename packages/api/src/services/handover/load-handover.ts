import {
  cases,
  handoverHistory,
  handovers,
  organisations,
  type Queryable,
  regions,
  serviceAccounts,
  teams,
  users,
} from "@ketenportaal/db";
import { asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const targetOrganisations = alias(organisations, "target_organisations");

/** A handover with what every command needs to decide: case, team, region agreement. */
export async function loadHandover(tx: Queryable, id: string) {
  const [row] = await tx
    .select({
      handover: handovers,
      caseReference: cases.reference,
      safetyAssessmentCompletedAt: cases.safetyAssessmentCompletedAt,
      conclusion: cases.conclusion,
      organisationName: organisations.name,
      organisationOin: organisations.oin,
      targetOrganisationName: targetOrganisations.name,
      targetOrganisationKind: targetOrganisations.kind,
      targetTeamName: teams.name,
      targetTeamEmail: teams.notificationEmail,
      regionName: regions.name,
      regionContactUserId: regions.contactUserId,
      acceptanceDeadlineDays: regions.acceptanceDeadlineDays,
      firstContactDeadlineDays: regions.firstContactDeadlineDays,
    })
    .from(handovers)
    .innerJoin(cases, eq(cases.id, handovers.caseId))
    .innerJoin(organisations, eq(organisations.id, handovers.organisationId))
    .innerJoin(targetOrganisations, eq(targetOrganisations.id, handovers.targetOrganisationId))
    .innerJoin(teams, eq(teams.id, handovers.targetTeamId))
    .innerJoin(regions, eq(regions.id, handovers.regionId))
    .where(eq(handovers.id, id))
    .limit(1);
  return row ?? null;
}
export type LoadedHandover = NonNullable<Awaited<ReturnType<typeof loadHandover>>>;

/** A handover's timeline with who acted for which organisation; `latestOnly` gives just the last entry. */
export async function loadHandoverHistory(tx: Queryable, options: { handoverId: string; latestOnly?: boolean }) {
  const query = tx
    .select({
      entry: handoverHistory,
      userName: users.name,
      serviceAccountName: serviceAccounts.name,
      organisationName: organisations.name,
    })
    .from(handoverHistory)
    .leftJoin(users, eq(users.id, handoverHistory.actorUserId))
    .leftJoin(serviceAccounts, eq(serviceAccounts.id, handoverHistory.actorServiceAccountId))
    .leftJoin(organisations, eq(organisations.id, handoverHistory.actorOrganisationId))
    .where(eq(handoverHistory.handoverId, options.handoverId))
    .orderBy(options.latestOnly ? desc(handoverHistory.id) : asc(handoverHistory.id));
  const rows = options.latestOnly ? await query.limit(1) : await query;
  return rows.map((r) => ({
    id: r.entry.id,
    at: r.entry.at,
    action: r.entry.action,
    fromStatus: r.entry.fromStatus,
    toStatus: r.entry.toStatus,
    // No person behind an entry means the portal itself (the deadline watch).
    actor: { name: r.userName ?? r.serviceAccountName ?? "Ketenportaal", organisation: r.organisationName ?? null },
    reason: r.entry.reason,
  }));
}

/** The last thing that happened to a handover, to tell a caller who lost a race what happened and by whom. */
export async function describeLastChange(tx: Queryable, handoverId: string): Promise<string> {
  const [last] = await loadHandoverHistory(tx, { handoverId, latestOnly: true });
  if (!last) return "Deze overdracht is intussen gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.";
  const organisation = last.actor.organisation ? ` (${last.actor.organisation})` : "";
  const when = new Intl.DateTimeFormat("nl-NL", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(last.at);
  const what = actionDescriptions[last.action] ?? "gewijzigd";
  return `Iemand anders was u voor: de overdracht is ${what} door ${last.actor.name}${organisation} op ${when}. Bekijk de nieuwe stand en probeer het opnieuw als dat nog nodig is.`;
}

const actionDescriptions: Record<string, string> = {
  create: "aangemaakt",
  update: "bewerkt",
  offer: "aangeboden",
  withdraw: "ingetrokken",
  accept: "geaccepteerd",
  decline: "afgewezen",
  assign: "toegewezen",
  start: "gestart",
  complete: "afgerond",
  return: "teruggemeld",
  escalate: "geëscaleerd",
};
