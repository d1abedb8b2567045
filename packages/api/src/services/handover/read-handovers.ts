import {
  cases,
  handoverStatuses,
  handovers,
  municipalities,
  organisations,
  regions,
  teams,
  users,
} from "@ketenportaal/db";
import {
  allowedHandoverActions,
  countWorkingDaysBetween,
  findMissingPackageItems,
  toAmsterdamDate,
} from "@ketenportaal/domain";
import { and, asc, desc, eq, gt, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { AuthedContext } from "../../context";
import type { HandoverDetail, HandoverSummary } from "../../routers/handover/shared.types";
import { auditActorOf, writeAudit, writeListAudit } from "../audit/write-audit";
import { loadInvolvedPersons } from "../case/load-involved-persons";
import { DomainRefusal } from "../errors";
import { handoverPartyOf, myRegionsCondition, visibleHandoversCondition } from "./access";
import { loadHandoverHistory } from "./load-handover";

const targetOrganisations = alias(organisations, "target_organisations");
const offeringUsers = alias(users, "offering_users");
const contactUsers = alias(users, "contact_users");
const assignedUsers = alias(users, "assigned_users");

const summaryColumns = {
  handover: handovers,
  caseReference: cases.reference,
  priority: cases.priority,
  municipalityName: municipalities.name,
  regionName: regions.name,
  organisationName: organisations.name,
  targetOrganisationName: targetOrganisations.name,
  targetOrganisationKind: targetOrganisations.kind,
  targetTeamName: teams.name,
};

function summaryQuery(ctx: AuthedContext) {
  return ctx.tx
    .select(summaryColumns)
    .from(handovers)
    .innerJoin(cases, eq(cases.id, handovers.caseId))
    .innerJoin(municipalities, eq(municipalities.code, handovers.municipalityCode))
    .innerJoin(regions, eq(regions.id, handovers.regionId))
    .innerJoin(organisations, eq(organisations.id, handovers.organisationId))
    .innerJoin(targetOrganisations, eq(targetOrganisations.id, handovers.targetOrganisationId))
    .innerJoin(teams, eq(teams.id, handovers.targetTeamId));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>["execute"]>>[number];

/** The deadline that applies in the current status. */
function currentDeadlineOf(handover: SummaryRow["handover"]) {
  if (handover.status === "offered" && handover.acceptanceDueOn) {
    return { kind: "acceptance" as const, dueOn: handover.acceptanceDueOn };
  }
  if (handover.status === "accepted" && handover.firstContactDueOn) {
    return { kind: "first_contact" as const, dueOn: handover.firstContactDueOn };
  }
  return null;
}

function toSummary(row: SummaryRow, today: string): HandoverSummary {
  const h = row.handover;
  const deadline = currentDeadlineOf(h);
  return {
    id: h.id,
    status: h.status,
    version: h.version,
    caseId: h.caseId,
    caseReference: row.caseReference,
    priority: row.priority,
    municipality: { code: h.municipalityCode, name: row.municipalityName },
    region: { id: h.regionId, name: row.regionName },
    organisation: { id: h.organisationId, name: row.organisationName },
    targetOrganisation: {
      id: h.targetOrganisationId,
      name: row.targetOrganisationName,
      kind: row.targetOrganisationKind,
    },
    targetTeam: { id: h.targetTeamId, name: row.targetTeamName },
    offeredAt: h.offeredAt,
    acceptanceDueOn: h.acceptanceDueOn,
    firstContactDueOn: h.firstContactDueOn,
    currentDeadline: deadline
      ? { ...deadline, workingDaysLeft: countWorkingDaysBetween({ from: today, to: deadline.dueOn }) }
      : null,
    overdue: deadline ? deadline.dueOn < today : false,
    updatedAt: h.updatedAt,
  };
}

/** Past the deadline that applies in the current status. */
function overdueCondition(today: string): SQL {
  return (
    or(
      and(eq(handovers.status, "offered"), lt(handovers.acceptanceDueOn, today)),
      and(eq(handovers.status, "accepted"), lt(handovers.firstContactDueOn, today)),
    ) ?? sql`false`
  );
}

/**
 * The status filter with its values in the SQL text, not as parameters: a partial index on status (the inbox, a
 * team's ongoing handovers) is only chosen when PostgreSQL can see the values, also in a prepared statement's generic
 * plan, and under row-level security a status condition cannot be an index condition itself (enum_eq is not
 * leakproof). The values are checked against the enum, so nothing else reaches the SQL.
 */
function statusIn(statuses: readonly HandoverSummary["status"][]): SQL {
  const known = statuses.filter((status) => (handoverStatuses as readonly string[]).includes(status));
  if (known.length === 0) return sql`false`;
  return sql`${handovers.status} in (${sql.raw(known.map((status) => `'${status}'`).join(", "))})`;
}

function requireVisibility(ctx: AuthedContext): SQL {
  const visible = visibleHandoversCondition(ctx.principal);
  if (!visible) throw new DomainRefusal("FORBIDDEN", "U heeft geen toegang tot overdrachten.");
  return visible;
}

function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

function decodeCursor(cursor: string | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    return Array.isArray(parts) ? parts : null;
  } catch {
    return null;
  }
}

/**
 * Runs one query with sorting discouraged, so PostgreSQL walks an index that already has the order. The handovers
 * policy makes the planner estimate a team's inbox at a few dozen rows whatever its real size; a page of 50 then
 * looks cheaper to collect in full and sort than to read in index order, and the request grows with the team's
 * open offers (752 at 1m handovers: 43 ms instead of 7). Without a usable index PostgreSQL still sorts. The setting
 * is local to the transaction and put back before anything else runs in it; on an error the transaction is gone.
 */
async function withoutSorting<T>(ctx: AuthedContext, query: () => PromiseLike<T>): Promise<T> {
  await ctx.tx.execute(sql`select set_config('enable_sort', 'off', true)`);
  const result = await query();
  await ctx.tx.execute(sql`set local enable_sort to default`);
  return result;
}

/** Offered to my team (or organisation), soonest acceptance deadline first; keyset paging on (due date, id). */
export async function listInbox(options: { ctx: AuthedContext; page: { cursor?: string | undefined; limit: number } }) {
  const { ctx, page } = options;
  const visible = requireVisibility(ctx);
  const today = toAmsterdamDate({ instant: ctx.now() });
  const after = decodeCursor(page.cursor);
  const conditions = [visible, statusIn(["offered"])];
  if (after && typeof after[0] === "string" && typeof after[1] === "string") {
    const [dueOn, id] = after as [string, string];
    conditions.push(
      or(gt(handovers.acceptanceDueOn, dueOn), and(eq(handovers.acceptanceDueOn, dueOn), gt(handovers.id, id))) ??
        sql`false`,
    );
  }
  const rows = await withoutSorting(ctx, () =>
    summaryQuery(ctx)
      .where(and(...conditions))
      .orderBy(asc(handovers.acceptanceDueOn), asc(handovers.id))
      .limit(page.limit + 1),
  );
  const items = rows.slice(0, page.limit).map((row) => toSummary(row, today));
  await writeListAudit(ctx, { purpose: "handover", objectType: "handover.inbox", ids: items.map((item) => item.id) });
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? encodeCursor([last.acceptanceDueOn ?? "", last.id]) : null,
  };
}

type ListFilters = {
  cursor?: string | undefined;
  limit: number;
  status?: HandoverSummary["status"][] | undefined;
  municipalityCode?: string | undefined;
  regionId?: string | undefined;
  teamId?: string | undefined;
  overdue?: boolean | undefined;
  myRegions?: boolean | undefined;
};

/** Handovers I may see, filtered; past-deadline first, then most recently changed. */
export async function listHandovers(options: { ctx: AuthedContext; filters: ListFilters }) {
  const { ctx, filters } = options;
  const today = toAmsterdamDate({ instant: ctx.now() });
  const conditions: SQL[] = [requireVisibility(ctx)];
  if (filters.status?.length) conditions.push(statusIn(filters.status));
  if (filters.municipalityCode) conditions.push(eq(handovers.municipalityCode, filters.municipalityCode));
  if (filters.regionId) conditions.push(eq(handovers.regionId, filters.regionId));
  if (filters.teamId) conditions.push(eq(handovers.targetTeamId, filters.teamId));
  if (filters.overdue) conditions.push(overdueCondition(today));
  if (filters.myRegions) conditions.push(myRegionsCondition(ctx.principal));
  const offset = Number(decodeCursor(filters.cursor)?.[0] ?? 0) || 0;
  const order = [desc(sql`(${overdueCondition(today)})`), desc(handovers.updatedAt), desc(handovers.id)];
  // The page's ids first, from handovers alone; then its names. Joined before the sort, PostgreSQL (estimating a
  // few rows through the handovers policy) looped over every gemeente, region and organisation for each of the
  // team's thousands of ongoing handovers: 924 ms at 1m handovers instead of 20.
  const page = ctx.tx
    .select({ id: handovers.id })
    .from(handovers)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(filters.limit + 1)
    .offset(offset);
  const rows = await summaryQuery(ctx)
    .where(inArray(handovers.id, page))
    .orderBy(...order);
  const items = rows.slice(0, filters.limit).map((row) => toSummary(row, today));
  await writeListAudit(ctx, { purpose: "handover", objectType: "handover", ids: items.map((item) => item.id) });
  return { items, nextCursor: rows.length > filters.limit ? encodeCursor([offset + filters.limit]) : null };
}

/** One handover with its package, persons, timeline and what the caller may do; the read is on record. */
export async function getHandover(options: { ctx: AuthedContext; id: string }): Promise<HandoverDetail> {
  const { ctx } = options;
  const today = toAmsterdamDate({ instant: ctx.now() });
  const [row] = await summaryQuery(ctx)
    .where(and(eq(handovers.id, options.id), requireVisibility(ctx)))
    .limit(1);
  const party = row ? handoverPartyOf(ctx.principal, row.handover) : null;
  if (!row || !party) {
    throw new DomainRefusal("NOT_FOUND", "Deze overdracht bestaat niet of is niet aan uw organisatie gericht.");
  }
  const h = row.handover;
  const [caseRow] = await ctx.tx.select().from(cases).where(eq(cases.id, h.caseId));
  if (!caseRow) throw new Error("handover without case");
  const persons = await loadInvolvedPersons(ctx.tx, h.caseId);
  const [people] = await ctx.tx
    .select({ offering: offeringUsers.name, contact: contactUsers.name, assigned: assignedUsers.name })
    .from(handovers)
    .innerJoin(offeringUsers, eq(offeringUsers.id, handovers.offeringUserId))
    .leftJoin(contactUsers, eq(contactUsers.id, handovers.vtContactUserId))
    .leftJoin(assignedUsers, eq(assignedUsers.id, handovers.assignedUserId))
    .where(eq(handovers.id, h.id));
  const history = await loadHandoverHistory(ctx.tx, { handoverId: h.id });

  const principal = ctx.principal;
  const actions: HandoverDetail["allowedActions"] = [...allowedHandoverActions({ status: h.status, party })];
  if (party === "requester" && h.status === "draft") actions.unshift("update");
  const canAssign = principal.kind === "service_account" || principal.roles.includes("partner_coordinator");
  if (party === "owner" && canAssign && (h.status === "accepted" || h.status === "started")) actions.push("assign");

  const missingItems =
    h.status === "draft"
      ? findMissingPackageItems({
          safetyAssessmentCompletedAt: caseRow.safetyAssessmentCompletedAt,
          conclusion: caseRow.conclusion,
          involvedPersons: persons.map((p) => ({
            id: p.id,
            role: p.role,
            spokenStatus: p.spokenStatus,
            notSpokenReason: p.notSpokenReason,
          })),
          concerns: h.concerns,
          safetyConditions: h.safetyConditions,
          householdView: h.householdView,
          vtContactUserId: h.vtContactUserId,
          vtJoinsFirstVisit: h.vtJoinsFirstVisit,
        })
      : [];

  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "handover",
    action: "read",
    objectType: "handover",
    objectId: h.id,
    caseId: h.caseId,
    outcome: "success",
  });

  return {
    ...toSummary(row, today),
    case: {
      id: caseRow.id,
      reference: caseRow.reference,
      reportedAt: caseRow.reportedAt,
      safetyAssessmentDueOn: caseRow.safetyAssessmentDueOn,
      safetyAssessmentCompletedAt: caseRow.safetyAssessmentCompletedAt,
      conclusion: caseRow.conclusion,
      persons,
    },
    concerns: h.concerns,
    safetyConditions: h.safetyConditions,
    householdView: h.householdView,
    vtContact: h.vtContactUserId && people?.contact ? { id: h.vtContactUserId, name: people.contact } : null,
    vtJoinsFirstVisit: h.vtJoinsFirstVisit,
    offeringUser: { id: h.offeringUserId, name: people?.offering ?? "" },
    assignedUser: h.assignedUserId && people?.assigned ? { id: h.assignedUserId, name: people.assigned } : null,
    acceptedAt: h.acceptedAt,
    firstContactOn: h.firstContactOn,
    closedAt: h.closedAt,
    declineReasonCode: h.declineReasonCode,
    declineReasonText: h.declineReasonText,
    returnReasonText: h.returnReasonText,
    outcomeCode: h.outcomeCode,
    outcomeReferredTo: h.outcomeReferredTo,
    history,
    allowedActions: actions,
    missingItems,
  };
}
