import {
  cases,
  memberships,
  municipalities,
  organisations,
  type Queryable,
  regions,
  tableAgendaItems,
  teams,
  users,
} from "@ketenportaal/db";
import { and, asc, eq, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import type { AuthedContext } from "../../context";
import { DomainRefusal } from "../errors";
import { isVtCaseworker } from "../handover/access";
import { loadMeeting } from "./load-meeting";

const CASEWORK_KINDS = ["vt", "local_team", "cjg", "youth_protection"] as const;
const CASEWORK_ROLES = ["vt_worker", "team_coordinator", "partner_worker", "partner_coordinator"] as const;

/**
 * Active VT and partner organisations with their teams and the people who do casework there (with their roles),
 * for the choosers of the table and V&V forms. Names of professionals only; nothing about households.
 */
export async function listCaseworkOrganisations(tx: Queryable) {
  const organisationRows = await tx
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(and(eq(organisations.active, true), inArray(organisations.kind, CASEWORK_KINDS)))
    .orderBy(asc(organisations.name));
  const teamRows = await tx
    .select({ id: teams.id, name: teams.name, organisationId: teams.organisationId })
    .from(teams)
    .orderBy(asc(teams.name));
  const peopleRows = await tx
    .select({
      id: users.id,
      name: users.name,
      organisationId: memberships.organisationId,
      teamId: memberships.teamId,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.active, true), inArray(memberships.role, CASEWORK_ROLES)))
    .orderBy(asc(users.name));
  return organisationRows.map((organisation) => ({
    ...organisation,
    teams: teamRows.filter((t) => t.organisationId === organisation.id).map(({ id, name }) => ({ id, name })),
    people: peopleRows
      .filter((p) => p.organisationId === organisation.id)
      .map(({ id, name, teamId, role }) => ({ id, name, teamId, role })),
  }));
}

/**
 * The choices of the table forms for VT: regions, organisations with teams and people (chairs are the
 * coördinatoren of VT), and — for one meeting — the region's cases that can still go on its agenda.
 */
export async function tableFormOptions(options: { ctx: AuthedContext; meetingId?: string | undefined }) {
  const { ctx } = options;
  if (!isVtCaseworker(ctx.principal)) {
    throw new DomainRefusal("FORBIDDEN", "Alleen medewerkers van Veilig Thuis bereiden een overdrachtstafel voor.");
  }
  const regionRows = await ctx.tx
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .orderBy(asc(regions.name));
  let agendaCandidates: {
    id: string;
    reference: string;
    priority: (typeof cases.$inferSelect)["priority"];
    municipality: { code: string; name: string };
  }[] = [];
  if (options.meetingId) {
    const meeting = await loadMeeting(ctx.tx, options.meetingId);
    if (!meeting || meeting.meeting.organisationId !== ctx.principal.organisation.id) {
      throw new DomainRefusal(
        "NOT_FOUND",
        "Deze overdrachtstafel bestaat niet of uw organisatie neemt er niet aan deel.",
      );
    }
    const rows = await ctx.tx
      .select({
        id: cases.id,
        reference: cases.reference,
        priority: cases.priority,
        code: municipalities.code,
        name: municipalities.name,
      })
      .from(cases)
      .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
      .where(
        and(
          eq(cases.organisationId, ctx.principal.organisation.id),
          eq(municipalities.regionId, meeting.meeting.regionId),
          isNotNull(cases.safetyAssessmentCompletedAt),
          notInArray(
            cases.id,
            sql`(select ${tableAgendaItems.caseId} from ${tableAgendaItems} where ${tableAgendaItems.meetingId} = ${meeting.meeting.id})`,
          ),
        ),
      )
      .orderBy(asc(cases.reference));
    agendaCandidates = rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      priority: r.priority,
      municipality: { code: r.code, name: r.name },
    }));
  }
  return { regions: regionRows, organisations: await listCaseworkOrganisations(ctx.tx), agendaCandidates };
}
