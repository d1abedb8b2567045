import {
  executeRows,
  organisations,
  regions,
  tableAgendaItems,
  tableMeetingParticipants,
  tableMeetings,
  users,
} from "@ketenportaal/db";
import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { AuthedContext } from "../../context";
import { writeListAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import { requireTableView, type TableView, visibleMeetingsCondition } from "./access";
import { type AgendaRow, type LoadedMeeting, loadAgenda, loadMeeting } from "./load-meeting";
import { auditTable } from "./table-support";

const chairs = alias(users, "chairs");

function requireVisibility(ctx: AuthedContext): SQL {
  const visible = visibleMeetingsCondition(ctx.principal);
  if (!visible) throw new DomainRefusal("FORBIDDEN", "U heeft geen toegang tot overdrachtstafels.");
  return visible;
}

/** A region's meetings the caller takes part in: the planned ones soonest first, the closed ones latest first. */
export async function listMeetings(options: {
  ctx: AuthedContext;
  filters: { regionId?: string | undefined; pastLimit: number };
}) {
  const { ctx, filters } = options;
  const conditions: SQL[] = [requireVisibility(ctx)];
  if (filters.regionId) conditions.push(eq(tableMeetings.regionId, filters.regionId));
  const query = (status: "planned" | "closed") =>
    ctx.tx
      .select({
        meeting: tableMeetings,
        regionName: regions.name,
        chairName: chairs.name,
      })
      .from(tableMeetings)
      .innerJoin(regions, eq(regions.id, tableMeetings.regionId))
      .innerJoin(chairs, eq(chairs.id, tableMeetings.chairUserId))
      .where(and(...conditions, eq(tableMeetings.status, status)));
  const upcoming = await query("planned").orderBy(asc(tableMeetings.scheduledAt), asc(tableMeetings.id));
  const past = await query("closed")
    .orderBy(desc(tableMeetings.scheduledAt), desc(tableMeetings.id))
    .limit(filters.pastLimit);
  const ids = [...upcoming, ...past].map((row) => row.meeting.id);
  await writeListAudit(ctx, { purpose: "handover_table", objectType: "handover_table", ids });
  const participantRows =
    ids.length > 0
      ? await ctx.tx
          .select({
            meetingId: tableMeetingParticipants.meetingId,
            id: organisations.id,
            name: organisations.name,
          })
          .from(tableMeetingParticipants)
          .innerJoin(organisations, eq(organisations.id, tableMeetingParticipants.organisationId))
          .where(inArray(tableMeetingParticipants.meetingId, ids))
          .orderBy(asc(organisations.name))
      : [];
  const countRows =
    ids.length > 0
      ? await ctx.tx
          .select({
            meetingId: tableAgendaItems.meetingId,
            items: count(),
            undecided: sql<number>`count(*) filter (where ${tableAgendaItems.decision} is null)`.mapWith(Number),
          })
          .from(tableAgendaItems)
          .where(inArray(tableAgendaItems.meetingId, ids))
          .groupBy(tableAgendaItems.meetingId)
      : [];
  const toSummary = (row: (typeof upcoming)[number]) => {
    const counts = countRows.find((c) => c.meetingId === row.meeting.id);
    return {
      id: row.meeting.id,
      status: row.meeting.status,
      version: row.meeting.version,
      scheduledAt: row.meeting.scheduledAt,
      region: { id: row.meeting.regionId, name: row.regionName },
      chair: { id: row.meeting.chairUserId, name: row.chairName },
      participants: participantRows
        .filter((p) => p.meetingId === row.meeting.id)
        .map((p) => ({ id: p.id, name: p.name })),
      itemCount: counts?.items ?? 0,
      undecidedCount: counts?.undecided ?? 0,
      closedAt: row.meeting.closedAt,
    };
  };
  return { upcoming: upcoming.map(toSummary), past: past.map(toSummary) };
}

/**
 * The receiving organisation of a decided item sees its follow-up and the decision note; VT sees everything;
 * any other participant sees the agenda summary only (reference, gemeente, priority, short reason, decision).
 */
function receivesItem(ctx: AuthedContext, view: TableView, row: AgendaRow): boolean {
  return view === "vt" || row.item.receivingOrganisationId === ctx.principal.organisation.id;
}

function meetingHeader(meeting: LoadedMeeting) {
  return {
    id: meeting.meeting.id,
    status: meeting.meeting.status,
    version: meeting.meeting.version,
    scheduledAt: meeting.meeting.scheduledAt,
    region: { id: meeting.meeting.regionId, name: meeting.regionName },
    chair: { id: meeting.meeting.chairUserId, name: meeting.chairName },
    organisation: { id: meeting.meeting.organisationId, name: meeting.organisationName },
    participants: meeting.participants,
    closedAt: meeting.meeting.closedAt,
  };
}

/** One meeting with its agenda as the caller may see it; the read and each case shown are on record. */
export async function getMeeting(options: { ctx: AuthedContext; id: string }) {
  const { ctx } = options;
  const meeting = await loadMeeting(ctx.tx, options.id);
  const view = requireTableView(ctx.principal, meeting ? { ...meeting.meeting, ...meeting } : null);
  if (!meeting) throw new Error("unreachable");
  const agenda = await loadAgenda(ctx.tx, meeting.meeting.id);
  const isCoordinator = view === "vt" && ctx.principal.roles.includes("team_coordinator");
  const open = meeting.meeting.status === "planned";

  await auditTable(ctx, { action: "read", objectType: "handover_table", objectId: meeting.meeting.id });
  for (const row of agenda) {
    await auditTable(ctx, {
      action: "read",
      objectType: receivesItem(ctx, view, row) ? "handover_table_item" : "handover_table_item.summary",
      objectId: row.item.id,
      caseId: row.item.caseId,
    });
  }

  return {
    ...meetingHeader(meeting),
    view,
    allowedActions: [
      ...(open && view === "vt" && ctx.principal.kind === "user" ? (["addItem", "removeItem"] as const) : []),
      ...(open && isCoordinator && ctx.principal.kind === "user" ? (["decide", "close"] as const) : []),
    ],
    items: agenda.map((row) => {
      const receives = receivesItem(ctx, view, row);
      return {
        id: row.item.id,
        version: row.item.version,
        position: row.item.position,
        caseId: row.item.caseId,
        caseReference: row.caseReference,
        municipality: { code: row.municipalityCode, name: row.municipalityName },
        priority: row.priority,
        shortReason: row.item.shortReason,
        postponedFromItemId: row.item.postponedFromItemId,
        decision: row.item.decision,
        decidedAt: row.item.decidedAt,
        receivingOrganisation:
          row.item.receivingOrganisationId && row.receivingOrganisationName
            ? { id: row.item.receivingOrganisationId, name: row.receivingOrganisationName }
            : null,
        targetTeam:
          row.item.targetTeamId && row.targetTeamName ? { id: row.item.targetTeamId, name: row.targetTeamName } : null,
        postponedTo:
          row.item.postponedToMeetingId && row.postponedToScheduledAt
            ? { id: row.item.postponedToMeetingId, scheduledAt: row.postponedToScheduledAt }
            : null,
        receivedByMe: view === "participant" && receives,
        // Only VT and the receiving organisation see where the case went in detail, and the note.
        handoverId: receives ? row.item.handoverId : null,
        vvTrajectoryId: receives ? row.item.vvTrajectoryId : null,
        decisionNote: receives ? row.item.decisionNote : null,
      };
    }),
  };
}

/**
 * The minutes: each item's decision, the receiving organisation and the deadlines, by case reference only —
 * never a household name or a free-text note. Final once the meeting is closed.
 */
export async function getMinutes(options: { ctx: AuthedContext; id: string }) {
  const { ctx } = options;
  const meeting = await loadMeeting(ctx.tx, options.id);
  requireTableView(ctx.principal, meeting ? { ...meeting.meeting, ...meeting } : null);
  if (!meeting) throw new Error("unreachable");
  const agenda = await loadAgenda(ctx.tx, meeting.meeting.id);
  // A participant may not read a handover addressed to another partner, but the minutes show its deadline: the
  // database hands out just that (migration 0005, `kp_table_handover_deadlines`).
  const deadlines = (
    await executeRows<{ handover_id: string; first_contact_due_on: string | null }>(
      ctx.tx,
      sql`select handover_id, first_contact_due_on from kp_table_handover_deadlines(${meeting.meeting.id})`,
    )
  ).map((row) => ({ id: row.handover_id, firstContactDueOn: row.first_contact_due_on }));
  await auditTable(ctx, { action: "read", objectType: "handover_table.minutes", objectId: meeting.meeting.id });
  return {
    ...meetingHeader(meeting),
    final: meeting.meeting.status === "closed",
    items: agenda.map((row) => ({
      position: row.item.position,
      caseReference: row.caseReference,
      municipality: { code: row.municipalityCode, name: row.municipalityName },
      decision: row.item.decision,
      receivingOrganisation:
        row.item.receivingOrganisationId && row.receivingOrganisationName
          ? { id: row.item.receivingOrganisationId, name: row.receivingOrganisationName }
          : null,
      targetTeam: row.targetTeamName ?? null,
      firstContactDueOn: deadlines.find((d) => d.id === row.item.handoverId)?.firstContactDueOn ?? null,
      postponedTo: row.postponedToScheduledAt ?? null,
    })),
  };
}
