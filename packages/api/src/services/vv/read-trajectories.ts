import {
  cases,
  municipalities,
  organisations,
  users,
  vvConditionHistory,
  vvConditions,
  vvMonitoringAssessments,
  vvMonitoringMoments,
  vvTimelineEntries,
  vvTrajectories,
} from "@ketenportaal/db";
import { isConditionOverdue, monitoringStateOf, toAmsterdamDate, type VvConditionStatus } from "@ketenportaal/domain";
import { and, asc, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { AuthedContext } from "../../context";
import { writeListAudit } from "../audit/write-audit";
import { loadInvolvedPersons } from "../case/load-involved-persons";
import { DomainRefusal } from "../errors";
import { requireVvSide, visibleTrajectoriesCondition } from "./access";
import { auditVv } from "./vv-support";

const vtWorkers = alias(users, "vt_workers");
const partnerWorkers = alias(users, "partner_workers");
const partnerOrganisations = alias(organisations, "partner_organisations");
const followUpOrganisations = alias(organisations, "follow_up_organisations");
const followUpUsers = alias(users, "follow_up_users");

function summaryQuery(ctx: AuthedContext) {
  return ctx.tx
    .select({
      trajectory: vvTrajectories,
      caseReference: cases.reference,
      priority: cases.priority,
      municipalityName: municipalities.name,
      vtWorkerName: vtWorkers.name,
      partnerWorkerName: partnerWorkers.name,
      partnerOrganisationName: partnerOrganisations.name,
    })
    .from(vvTrajectories)
    .innerJoin(cases, eq(cases.id, vvTrajectories.caseId))
    .innerJoin(municipalities, eq(municipalities.code, vvTrajectories.municipalityCode))
    .innerJoin(vtWorkers, eq(vtWorkers.id, vvTrajectories.vtWorkerUserId))
    .innerJoin(partnerWorkers, eq(partnerWorkers.id, vvTrajectories.partnerWorkerUserId))
    .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, vvTrajectories.partnerOrganisationId));
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["execute"]>>[number];

/** Counts per trajectory: what is open, what is overdue, and the next monitoring date. */
async function loadAttention(ctx: AuthedContext, trajectoryIds: string[], today: string) {
  if (trajectoryIds.length === 0) return new Map<string, Attention>();
  const conditions = await ctx.tx
    .select({ trajectoryId: vvConditions.trajectoryId, status: vvConditions.status, dueOn: vvConditions.dueOn })
    .from(vvConditions)
    .where(inArray(vvConditions.trajectoryId, trajectoryIds));
  const moments = await ctx.tx
    .select({
      trajectoryId: vvMonitoringMoments.trajectoryId,
      scheduledOn: vvMonitoringMoments.scheduledOn,
      recordedAt: vvMonitoringMoments.recordedAt,
    })
    .from(vvMonitoringMoments)
    .where(inArray(vvMonitoringMoments.trajectoryId, trajectoryIds));
  const result = new Map<string, Attention>();
  for (const id of trajectoryIds) {
    const own = conditions.filter((c) => c.trajectoryId === id);
    const ownMoments = moments.filter((m) => m.trajectoryId === id);
    const pending = ownMoments
      .filter((m) => m.recordedAt === null)
      .map((m) => m.scheduledOn)
      .sort();
    result.set(id, {
      openConditionCount: own.filter((c) => c.status === "open").length,
      overdueConditionCount: own.filter((c) => isConditionOverdue({ ...c, today })).length,
      overdueMonitoringCount: ownMoments.filter((m) => monitoringStateOf({ ...m, today }) === "overdue").length,
      nextMonitoringOn: pending.find((date) => date >= today) ?? null,
    });
  }
  return result;
}
type Attention = {
  openConditionCount: number;
  overdueConditionCount: number;
  overdueMonitoringCount: number;
  nextMonitoringOn: string | null;
};

function toSummary(row: SummaryRow, attention: Attention | undefined) {
  const t = row.trajectory;
  const closed = t.status === "closed";
  return {
    id: t.id,
    status: t.status,
    version: t.version,
    caseId: t.caseId,
    caseReference: row.caseReference,
    priority: row.priority,
    municipality: { code: t.municipalityCode, name: row.municipalityName },
    vtWorker: { id: t.vtWorkerUserId, name: row.vtWorkerName },
    partnerOrganisation: { id: t.partnerOrganisationId, name: row.partnerOrganisationName },
    partnerWorker: { id: t.partnerWorkerUserId, name: row.partnerWorkerName },
    openedAt: t.openedAt,
    closedAt: t.closedAt,
    openConditionCount: attention?.openConditionCount ?? 0,
    // A closed trajectory has nothing overdue any more: its household is with the follow-up owner.
    overdueConditionCount: closed ? 0 : (attention?.overdueConditionCount ?? 0),
    overdueMonitoringCount: closed ? 0 : (attention?.overdueMonitoringCount ?? 0),
    nextMonitoringOn: closed ? null : (attention?.nextMonitoringOn ?? null),
  };
}

function requireVisibility(ctx: AuthedContext): SQL {
  const visible = visibleTrajectoriesCondition(ctx.principal);
  if (!visible) throw new DomainRefusal("FORBIDDEN", "U heeft geen toegang tot V&V-trajecten.");
  return visible;
}

/**
 * The trajectories of my organisation (VT or partner), optionally only those I work on myself; whatever is
 * overdue comes first, then the most recently changed.
 */
export async function listTrajectories(options: {
  ctx: AuthedContext;
  filters: { status?: "open" | "closed" | undefined; mine?: boolean | undefined; limit: number };
}) {
  const { ctx, filters } = options;
  const conditions: SQL[] = [requireVisibility(ctx)];
  if (filters.status) conditions.push(eq(vvTrajectories.status, filters.status));
  if (filters.mine && ctx.principal.kind === "user") {
    const me = ctx.principal.user.id;
    const mine = or(eq(vvTrajectories.vtWorkerUserId, me), eq(vvTrajectories.partnerWorkerUserId, me));
    if (mine) conditions.push(mine);
  }
  const rows = await summaryQuery(ctx)
    .where(and(...conditions))
    .orderBy(desc(vvTrajectories.updatedAt), desc(vvTrajectories.id))
    .limit(filters.limit);
  const today = toAmsterdamDate({ instant: ctx.now() });
  const attention = await loadAttention(
    ctx,
    rows.map((r) => r.trajectory.id),
    today,
  );
  const items = rows.map((row) => toSummary(row, attention.get(row.trajectory.id)));
  await writeListAudit(ctx, { purpose: "vv", objectType: "vv_trajectory", ids: items.map((item) => item.id) });
  const urgency = (item: (typeof items)[number]) => item.overdueConditionCount + item.overdueMonitoringCount;
  // Stable sort: overdue first, otherwise the database's order (most recently changed).
  return { items: [...items].sort((a, b) => Number(urgency(b) > 0) - Number(urgency(a) > 0)) };
}

/** One trajectory with its case, conditions and their history, monitoring moments and the shared timeline. */
export async function getTrajectory(options: { ctx: AuthedContext; id: string }) {
  const { ctx } = options;
  const [row] = await summaryQuery(ctx).where(eq(vvTrajectories.id, options.id)).limit(1);
  const side = requireVvSide(ctx.principal, row?.trajectory ?? null);
  if (!row) throw new Error("unreachable");
  const t = row.trajectory;
  const today = toAmsterdamDate({ instant: ctx.now() });
  const [caseRow] = await ctx.tx.select().from(cases).where(eq(cases.id, t.caseId));
  if (!caseRow) throw new Error("trajectory without case");
  const persons = await loadInvolvedPersons(ctx.tx, t.caseId);

  const authors = alias(users, "authors");
  const authorOrganisations = alias(organisations, "author_organisations");
  const conditionRows = await ctx.tx
    .select()
    .from(vvConditions)
    .where(eq(vvConditions.trajectoryId, t.id))
    .orderBy(asc(vvConditions.createdAt), asc(vvConditions.id));
  const historyRows =
    conditionRows.length > 0
      ? await ctx.tx
          .select({ entry: vvConditionHistory, author: authors.name, organisation: authorOrganisations.name })
          .from(vvConditionHistory)
          .innerJoin(authors, eq(authors.id, vvConditionHistory.authorUserId))
          .innerJoin(authorOrganisations, eq(authorOrganisations.id, vvConditionHistory.authorOrganisationId))
          .where(
            inArray(
              vvConditionHistory.conditionId,
              conditionRows.map((c) => c.id),
            ),
          )
          .orderBy(asc(vvConditionHistory.id))
      : [];
  const momentRows = await ctx.tx
    .select()
    .from(vvMonitoringMoments)
    .where(eq(vvMonitoringMoments.trajectoryId, t.id))
    .orderBy(asc(vvMonitoringMoments.scheduledOn), asc(vvMonitoringMoments.id));
  const assessmentRows =
    momentRows.length > 0
      ? await ctx.tx
          .select()
          .from(vvMonitoringAssessments)
          .where(
            inArray(
              vvMonitoringAssessments.momentId,
              momentRows.map((m) => m.id),
            ),
          )
      : [];
  const attendeeIds = [...new Set(momentRows.flatMap((m) => m.attendeeUserIds))];
  const attendeeRows =
    attendeeIds.length > 0
      ? await ctx.tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, attendeeIds))
      : [];
  const timelineRows = await ctx.tx
    .select({ entry: vvTimelineEntries, author: authors.name, organisation: authorOrganisations.name })
    .from(vvTimelineEntries)
    .innerJoin(authors, eq(authors.id, vvTimelineEntries.authorUserId))
    .innerJoin(authorOrganisations, eq(authorOrganisations.id, vvTimelineEntries.authorOrganisationId))
    .where(eq(vvTimelineEntries.trajectoryId, t.id))
    .orderBy(asc(vvTimelineEntries.id));
  const [followUp] =
    t.followUpOrganisationId && t.followUpUserId
      ? await ctx.tx
          .select({ organisation: followUpOrganisations.name, person: followUpUsers.name })
          .from(followUpOrganisations)
          .innerJoin(followUpUsers, eq(followUpUsers.id, t.followUpUserId))
          .where(eq(followUpOrganisations.id, t.followUpOrganisationId))
      : [];

  await auditVv(ctx, { action: "read", objectType: "vv_trajectory", objectId: t.id, caseId: t.caseId });

  const attention = (await loadAttention(ctx, [t.id], today)).get(t.id);
  const open = t.status === "open";
  const canWrite = open && ctx.principal.kind === "user";
  return {
    ...toSummary(row, attention),
    side,
    case: {
      id: caseRow.id,
      reference: caseRow.reference,
      conclusion: caseRow.conclusion,
      safetyAssessmentCompletedAt: caseRow.safetyAssessmentCompletedAt,
      persons,
    },
    tableItemId: t.tableItemId,
    outcomeCode: t.outcomeCode,
    outcomeText: t.outcomeText,
    followUp:
      t.followUpOrganisationId && t.followUpUserId && followUp
        ? {
            organisation: { id: t.followUpOrganisationId, name: followUp.organisation },
            person: { id: t.followUpUserId, name: followUp.person },
          }
        : null,
    allowedActions: canWrite
      ? [
          "addCondition" as const,
          "updateCondition" as const,
          "scheduleMonitoring" as const,
          "recordMonitoring" as const,
          "addTimelineEntry" as const,
          "close" as const,
        ]
      : [],
    conditions: conditionRows.map((c) => ({
      id: c.id,
      version: c.version,
      text: c.text,
      owner: c.owner,
      dueOn: c.dueOn,
      status: c.status,
      overdue: open && isConditionOverdue({ status: c.status, dueOn: c.dueOn, today }),
      history: historyRows
        .filter((h) => h.entry.conditionId === c.id)
        .map((h) => ({
          id: h.entry.id,
          at: h.entry.at,
          fromStatus: h.entry.fromStatus,
          toStatus: h.entry.toStatus,
          fromDueOn: h.entry.fromDueOn,
          toDueOn: h.entry.toDueOn,
          note: h.entry.note,
          author: { name: h.author, organisation: h.organisation },
          monitoringMomentId: h.entry.monitoringMomentId,
        })),
    })),
    monitoringMoments: momentRows.map((m) => ({
      id: m.id,
      version: m.version,
      scheduledOn: m.scheduledOn,
      state: open || m.recordedAt ? monitoringStateOf({ ...m, today }) : ("scheduled" as const),
      attendees: m.attendeeUserIds.map((id) => ({ id, name: attendeeRows.find((a) => a.id === id)?.name ?? "" })),
      recordedAt: m.recordedAt,
      outcome: m.outcome,
      assessments: assessmentRows
        .filter((a) => a.momentId === m.id)
        .map((a) => ({ conditionId: a.conditionId, status: a.status as VvConditionStatus, note: a.note })),
    })),
    timeline: timelineRows.map((e) => ({
      id: e.entry.id,
      at: e.entry.at,
      kind: e.entry.kind,
      text: e.entry.text,
      author: { name: e.author, organisation: e.organisation },
      conditionId: e.entry.conditionId,
      monitoringMomentId: e.entry.monitoringMomentId,
    })),
  };
}
