import {
  cases,
  mailOutbox,
  memberships,
  municipalities,
  organisations,
  regions,
  tableAgendaItems,
  tableMeetingParticipants,
  tableMeetings,
  teamMunicipalities,
  teams,
  users,
} from "@ketenportaal/db";
import {
  assertAgendaEditable,
  assertItemRemovable,
  assertMeetingClosable,
  type TableDecisionKind,
  tableDecisionKinds,
  toAmsterdamDate,
} from "@ketenportaal/domain";
import { topics, ZTableClosedPayload } from "@ketenportaal/events";
import { renderTableMail } from "@ketenportaal/mail";
import { and, eq, inArray, max, sql } from "drizzle-orm";
import type { AuthedContext } from "../../context";
import { DomainRefusal } from "../errors";
import { writeOutboxEvent } from "../outbox/write-outbox-event";
import { requireTableView, requireVtCoordinator, requireVtPerson } from "./access";
import { loadAgenda, loadMeeting } from "./load-meeting";
import {
  auditTable,
  bumpMeetingVersion,
  MEETING_NOT_FOUND,
  meetingChangedMessage,
  refuseTableRule,
} from "./table-support";

const PARTNER_KINDS = ["local_team", "cjg", "youth_protection"] as const;

/** Checks the chair and the participants of a meeting: a VT teamcoördinator, and active partner organisations. */
async function checkMeetingPeople(
  ctx: AuthedContext,
  options: { organisationId: string; chairUserId: string; participantOrganisationIds: readonly string[] },
) {
  const [chair] = await ctx.tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, options.chairUserId),
        eq(memberships.organisationId, options.organisationId),
        eq(memberships.role, "team_coordinator"),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!chair) {
    const message = "De voorzitter is een teamcoördinator van Veilig Thuis.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { chairUserId: [message] } });
  }
  const ids = [...new Set(options.participantOrganisationIds)];
  const found = await ctx.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(inArray(organisations.id, ids), inArray(organisations.kind, PARTNER_KINDS), eq(organisations.active, true)),
    );
  if (ids.length === 0 || found.length !== ids.length) {
    const message = "Kies de deelnemende ketenpartners: lokale teams, CJG of jeugdbescherming.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { participantOrganisationIds: [message] } });
  }
  return ids;
}

/** Plans an overdrachtstafel for a region. */
export async function createMeeting(options: {
  ctx: AuthedContext;
  input: {
    regionId: string;
    scheduledAt: Date;
    chairUserId?: string | undefined;
    participantOrganisationIds: string[];
  };
}) {
  const { ctx, input } = options;
  const person = requireVtCoordinator(ctx.principal, null, "een overdrachtstafel plannen");
  const [region] = await ctx.tx.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId));
  if (!region) {
    throw new DomainRefusal("BAD_REQUEST", "Kies een regio.", { fieldErrors: { regionId: ["Kies een regio."] } });
  }
  const chairUserId = input.chairUserId ?? person.user.id;
  const participants = await checkMeetingPeople(ctx, {
    organisationId: person.organisation.id,
    chairUserId,
    participantOrganisationIds: input.participantOrganisationIds,
  });
  const now = ctx.now();
  const [meeting] = await ctx.tx
    .insert(tableMeetings)
    .values({
      organisationId: person.organisation.id,
      regionId: region.id,
      scheduledAt: input.scheduledAt,
      chairUserId,
      createdByUserId: person.user.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: tableMeetings.id, version: tableMeetings.version });
  if (!meeting) throw new Error("meeting insert returned nothing");
  await ctx.tx
    .insert(tableMeetingParticipants)
    .values(participants.map((organisationId) => ({ meetingId: meeting.id, organisationId })));
  await auditTable(ctx, { action: "create", objectType: "handover_table", objectId: meeting.id });
  return { id: meeting.id, version: meeting.version };
}

/**
 * Puts a case on the agenda. Only a case whose safety assessment is complete: the table decides on the basis of
 * that assessment, and a handover decided there passes the same package gate as an offer.
 */
export async function addAgendaItem(options: {
  ctx: AuthedContext;
  input: { meetingId: string; caseId: string; shortReason: string };
}) {
  const { ctx, input } = options;
  const meeting = await loadMeeting(ctx.tx, input.meetingId);
  requireTableView(ctx.principal, meeting ? { ...meeting.meeting, ...meeting } : null);
  if (!meeting) throw new DomainRefusal("NOT_FOUND", MEETING_NOT_FOUND);
  const person = requireVtPerson(ctx.principal, meeting.meeting.organisationId, "een casus agenderen");
  refuseTableRule(() => assertAgendaEditable({ meetingStatus: meeting.meeting.status }));
  const [caseRow] = await ctx.tx
    .select({
      id: cases.id,
      completedAt: cases.safetyAssessmentCompletedAt,
      regionId: municipalities.regionId,
    })
    .from(cases)
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .where(and(eq(cases.id, input.caseId), eq(cases.organisationId, person.organisation.id)))
    .limit(1);
  if (!caseRow) throw new DomainRefusal("NOT_FOUND", "Deze casus bestaat niet bij uw organisatie.");
  if (caseRow.completedAt === null) {
    const message = "Agendeer alleen een casus waarvan de veiligheidsbeoordeling is afgerond.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { caseId: [message] } });
  }
  if (caseRow.regionId !== meeting.meeting.regionId) {
    const message = "Deze casus hoort bij een gemeente buiten de regio van deze overdrachtstafel.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { caseId: [message] } });
  }
  const item = await insertAgendaItem(ctx, {
    meetingId: meeting.meeting.id,
    caseId: caseRow.id,
    shortReason: input.shortReason,
    addedByUserId: person.user.id,
    postponedFromItemId: null,
  });
  if (!item) {
    const message = "Deze casus staat al op de agenda van deze overdrachtstafel.";
    throw new DomainRefusal("CONFLICT", message, { fieldErrors: { caseId: [message] } });
  }
  const version = await bumpMeetingVersion(ctx, meeting.meeting.id);
  await auditTable(ctx, { action: "create", objectType: "handover_table_item", objectId: item.id, caseId: caseRow.id });
  return { id: item.id, meetingId: meeting.meeting.id, version: item.version, meetingVersion: version };
}

/** Inserts an agenda item at the end, or returns null when the case is already on that agenda. */
export async function insertAgendaItem(
  ctx: AuthedContext,
  values: {
    meetingId: string;
    caseId: string;
    shortReason: string;
    addedByUserId: string;
    postponedFromItemId: string | null;
  },
) {
  const [last] = await ctx.tx
    .select({ position: max(tableAgendaItems.position) })
    .from(tableAgendaItems)
    .where(eq(tableAgendaItems.meetingId, values.meetingId));
  const [item] = await ctx.tx
    .insert(tableAgendaItems)
    .values({ ...values, position: (last?.position ?? 0) + 1, addedAt: ctx.now() })
    .onConflictDoNothing({ target: [tableAgendaItems.meetingId, tableAgendaItems.caseId] })
    .returning({ id: tableAgendaItems.id, version: tableAgendaItems.version });
  return item ?? null;
}

/** Takes an undecided case off the agenda again. */
export async function removeAgendaItem(options: { ctx: AuthedContext; input: { id: string; version: number } }) {
  const { ctx, input } = options;
  const [item] = await ctx.tx.select().from(tableAgendaItems).where(eq(tableAgendaItems.id, input.id));
  const meeting = item ? await loadMeeting(ctx.tx, item.meetingId) : null;
  requireTableView(ctx.principal, meeting ? { ...meeting.meeting, ...meeting } : null);
  if (!item || !meeting) throw new DomainRefusal("NOT_FOUND", "Dit agendapunt bestaat niet.");
  requireVtPerson(ctx.principal, meeting.meeting.organisationId, "een casus van de agenda halen");
  refuseTableRule(() => assertItemRemovable({ meetingStatus: meeting.meeting.status, decision: item.decision }));
  const [removed] = await ctx.tx
    .delete(tableAgendaItems)
    .where(
      and(
        eq(tableAgendaItems.id, item.id),
        eq(tableAgendaItems.version, input.version),
        sql`${tableAgendaItems.decision} is null`,
      ),
    )
    .returning({ id: tableAgendaItems.id });
  if (!removed) {
    throw new DomainRefusal("CONFLICT", "Dit agendapunt is intussen gewijzigd. Bekijk de nieuwe stand.");
  }
  const version = await bumpMeetingVersion(ctx, meeting.meeting.id);
  await auditTable(ctx, {
    action: "delete",
    objectType: "handover_table_item",
    objectId: item.id,
    caseId: item.caseId,
  });
  return { id: item.id, meetingId: meeting.meeting.id, meetingVersion: version };
}

/**
 * Closes the meeting once every item has a decision: the minutes become final, the participants get an e-mail
 * with a link to them, and `table.closed` goes out.
 */
export async function closeMeeting(options: { ctx: AuthedContext; input: { id: string; version: number } }) {
  const { ctx, input } = options;
  const meeting = await loadMeeting(ctx.tx, input.id);
  requireTableView(ctx.principal, meeting ? { ...meeting.meeting, ...meeting } : null);
  if (!meeting) throw new DomainRefusal("NOT_FOUND", MEETING_NOT_FOUND);
  const person = requireVtCoordinator(ctx.principal, meeting.meeting.organisationId, "een overdrachtstafel sluiten");
  if (input.version !== meeting.meeting.version) throw new DomainRefusal("CONFLICT", meetingChangedMessage());
  const agenda = await loadAgenda(ctx.tx, meeting.meeting.id);
  refuseTableRule(() =>
    assertMeetingClosable({
      meetingStatus: meeting.meeting.status,
      items: agenda.map((row) => ({ id: row.item.id, decision: row.item.decision })),
    }),
  );
  const now = ctx.now();
  const [closed] = await ctx.tx
    .update(tableMeetings)
    .set({
      status: "closed",
      closedAt: now,
      closedByUserId: person.user.id,
      updatedAt: now,
      version: sql`${tableMeetings.version} + 1`,
    })
    .where(and(eq(tableMeetings.id, meeting.meeting.id), eq(tableMeetings.version, input.version)))
    .returning();
  if (!closed) throw new DomainRefusal("CONFLICT", meetingChangedMessage());

  await auditTable(ctx, { action: "update", objectType: "handover_table.close", objectId: closed.id });
  const decisionCounts = Object.fromEntries(tableDecisionKinds.map((kind) => [kind, 0])) as Record<
    TableDecisionKind,
    number
  >;
  for (const row of agenda) if (row.item.decision) decisionCounts[row.item.decision]++;
  await writeOutboxEvent({
    tx: ctx.tx,
    aggregate: "table",
    aggregateId: closed.id,
    event: "closed",
    sequence: closed.version,
    organisationId: closed.organisationId,
    organisationOin: meeting.organisationOin,
    topic: topics.tables,
    payload: ZTableClosedPayload.parse({
      meetingId: closed.id,
      organisationId: closed.organisationId,
      regionId: closed.regionId,
      scheduledAt: closed.scheduledAt.toISOString(),
      participantOrganisationIds: meeting.participantOrganisationIds,
      itemCount: agenda.length,
      decisionCounts,
      version: closed.version,
      occurredAt: now.toISOString(),
    }),
    now,
  });
  await mailMinutes(ctx, {
    meetingId: closed.id,
    regionId: closed.regionId,
    regionName: meeting.regionName,
    scheduledAt: closed.scheduledAt,
    chairUserId: closed.chairUserId,
    participantOrganisationIds: meeting.participantOrganisationIds,
    addedByUserIds: agenda.map((row) => row.item.addedByUserId),
  });
  return { id: closed.id, status: closed.status, version: closed.version };
}

/**
 * The participants hear that the minutes are final: the notification address of each participating team that
 * serves the region (it stands for its members), the chair and the VT workers who brought cases. One e-mail per
 * address, no personal data, a link to the minutes.
 */
async function mailMinutes(
  ctx: AuthedContext,
  meeting: {
    meetingId: string;
    regionId: string;
    regionName: string;
    scheduledAt: Date;
    chairUserId: string;
    participantOrganisationIds: string[];
    addedByUserIds: string[];
  },
) {
  const teamAddresses = await ctx.tx
    .selectDistinct({ email: teams.notificationEmail })
    .from(teams)
    .innerJoin(teamMunicipalities, eq(teamMunicipalities.teamId, teams.id))
    .innerJoin(municipalities, eq(municipalities.code, teamMunicipalities.municipalityCode))
    .where(
      and(
        inArray(teams.organisationId, meeting.participantOrganisationIds),
        eq(municipalities.regionId, meeting.regionId),
      ),
    );
  const vtPeople = await ctx.tx
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.id, [meeting.chairUserId, ...meeting.addedByUserIds]), eq(users.active, true)));
  const addresses = [...new Set([...teamAddresses, ...vtPeople].map((row) => row.email.toLowerCase()))];
  if (addresses.length === 0) return;
  const mail = renderTableMail({
    template: "table_minutes_final",
    params: {
      link: `${ctx.config.publicUrl.replace(/\/$/, "")}/overdrachtstafels/${meeting.meetingId}/verslag`,
      regionName: meeting.regionName,
      meetingOn: toAmsterdamDate({ instant: meeting.scheduledAt }),
    },
  });
  await ctx.tx.insert(mailOutbox).values(
    addresses.map((toAddress) => ({
      toAddress,
      template: "table_minutes_final",
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html,
    })),
  );
}
