import {
  cases,
  municipalities,
  organisations,
  type Queryable,
  regions,
  tableAgendaItems,
  tableMeetingParticipants,
  tableMeetings,
  teams,
  users,
} from "@ketenportaal/db";
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const chairs = alias(users, "chairs");
const receivingOrganisations = alias(organisations, "receiving_organisations");
const postponedTo = alias(tableMeetings, "postponed_to");

/** A meeting with its region, chair, VT organisation and participants: what every table action decides on. */
export async function loadMeeting(tx: Queryable, id: string) {
  const [row] = await tx
    .select({
      meeting: tableMeetings,
      regionName: regions.name,
      chairName: chairs.name,
      organisationName: organisations.name,
      organisationOin: organisations.oin,
    })
    .from(tableMeetings)
    .innerJoin(regions, eq(regions.id, tableMeetings.regionId))
    .innerJoin(chairs, eq(chairs.id, tableMeetings.chairUserId))
    .innerJoin(organisations, eq(organisations.id, tableMeetings.organisationId))
    .where(eq(tableMeetings.id, id))
    .limit(1);
  if (!row) return null;
  const participants = await tx
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(tableMeetingParticipants)
    .innerJoin(organisations, eq(organisations.id, tableMeetingParticipants.organisationId))
    .where(eq(tableMeetingParticipants.meetingId, id))
    .orderBy(asc(organisations.name));
  return { ...row, participants, participantOrganisationIds: participants.map((p) => p.id) };
}
export type LoadedMeeting = NonNullable<Awaited<ReturnType<typeof loadMeeting>>>;

/** A meeting's agenda in order, with the case summary every participant may see and each decision's follow-up. */
export async function loadAgenda(tx: Queryable, meetingId: string) {
  return tx
    .select({
      item: tableAgendaItems,
      caseReference: cases.reference,
      priority: cases.priority,
      municipalityCode: cases.municipalityCode,
      municipalityName: municipalities.name,
      receivingOrganisationName: receivingOrganisations.name,
      targetTeamName: teams.name,
      postponedToScheduledAt: postponedTo.scheduledAt,
    })
    .from(tableAgendaItems)
    .innerJoin(cases, eq(cases.id, tableAgendaItems.caseId))
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .leftJoin(receivingOrganisations, eq(receivingOrganisations.id, tableAgendaItems.receivingOrganisationId))
    .leftJoin(teams, eq(teams.id, tableAgendaItems.targetTeamId))
    .leftJoin(postponedTo, eq(postponedTo.id, tableAgendaItems.postponedToMeetingId))
    .where(eq(tableAgendaItems.meetingId, meetingId))
    .orderBy(asc(tableAgendaItems.position));
}
export type AgendaRow = Awaited<ReturnType<typeof loadAgenda>>[number];
