import { executeRows, municipalities, organisations, regions, reportBottlenecks, users } from "@ketenportaal/db";
import {
  ASSESSMENT_NORM_PERCENT,
  type AssessmentFact,
  buildGemeenteReport,
  type HandoverFact,
  INVESTIGATION_NORM_PERCENT,
  type InvestigationFact,
  lastCompleteTwoWeekPeriod,
  type ReportFacts,
  type ReportPeriod,
  type ReportRegion,
  type ReportRow,
  toAmsterdamDate,
  twoWeekPeriodOf,
  type VvFact,
  type WaitingFact,
} from "@ketenportaal/domain";
import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type {
  GemeenteReportResponse,
  GemeenteReportTrendResponse,
  ZGemeenteReportRequest,
  ZGemeenteReportTrendRequest,
} from "../../routers/report/report.types";
import { auditActorOf, writeAudit } from "../audit/write-audit";
import { listContinuityPeriods } from "../continuity-plan/manage-continuity-plan";
import { DomainRefusal } from "../errors";

type ReportScope = { kind: "all" } | { kind: "municipality"; municipalityCode: string };

/**
 * VT sees every gemeente; a gemeente's beleidsmedewerker sees its own gemeente and its region's totals, never a
 * case. Partners have no report: their own figures are in their own systems.
 */
async function resolveReportScope(ctx: AuthedContext): Promise<ReportScope> {
  const { principal } = ctx;
  const vtRoles = ["vt_worker", "team_coordinator", "functional_admin"] as const;
  if (principal.organisation.kind === "vt" && principal.roles.some((role) => vtRoles.includes(role as never))) {
    return { kind: "all" };
  }
  if (principal.organisation.kind === "municipality" && principal.roles.includes("policy_officer")) {
    const [organisation] = await ctx.tx
      .select({ municipalityCode: organisations.municipalityCode })
      .from(organisations)
      .where(eq(organisations.id, principal.organisation.id));
    if (!organisation?.municipalityCode) {
      throw new DomainRefusal(
        "FORBIDDEN",
        "Uw organisatie is nog niet aan een gemeente gekoppeld. Vraag de functioneel beheerder dit in te stellen.",
      );
    }
    return { kind: "municipality", municipalityCode: organisation.municipalityCode };
  }
  throw new DomainRefusal("FORBIDDEN", "De rapportage per gemeente is er voor Veilig Thuis en de gemeenten.");
}

async function loadReportRegions(ctx: AuthedContext): Promise<ReportRegion[]> {
  const rows = await ctx.tx
    .select({
      regionId: regions.id,
      regionName: regions.name,
      code: municipalities.code,
      name: municipalities.name,
    })
    .from(regions)
    .innerJoin(municipalities, eq(municipalities.regionId, regions.id))
    .orderBy(asc(regions.name), asc(municipalities.name));
  const byRegion = new Map<string, ReportRegion & { municipalities: { code: string; name: string }[] }>();
  for (const row of rows) {
    const region = byRegion.get(row.regionId) ?? { id: row.regionId, name: row.regionName, municipalities: [] };
    region.municipalities.push({ code: row.code, name: row.name });
    byRegion.set(row.regionId, region);
  }
  return [...byRegion.values()];
}

/**
 * The facts come from SECURITY DEFINER functions (migration 0016): dates and a gemeente per case, handover and
 * trajectory of every VT organisation, without an id, a reference or any text, so a gemeente's figures can be
 * counted without the gemeente's role being able to read a single case.
 */
async function loadReportFacts(ctx: AuthedContext, period: ReportPeriod): Promise<ReportFacts> {
  const [assessments, investigations, handovers, vvTrajectories, waiting] = await Promise.all([
    executeRows<{ municipality_code: string; reported_on: string; due_on: string; completed_on: string | null }>(
      ctx.tx,
      sql`select * from kp_report_assessment_facts(${period.from}::date, ${period.to}::date)`,
    ),
    executeRows<{ municipality_code: string; due_on: string; finished_on: string | null }>(
      ctx.tx,
      sql`select * from kp_report_investigation_facts(${period.from}::date, ${period.to}::date)`,
    ),
    executeRows<{
      municipality_code: string;
      offered_on: string;
      accepted_on: string | null;
      first_contact_on: string | null;
      declined_on: string | null;
      decline_reason_code: string | null;
      returned_on: string | null;
    }>(ctx.tx, sql`select * from kp_report_handover_facts(${period.from}::date, ${period.to}::date)`),
    executeRows<{ municipality_code: string; opened_on: string; closed_on: string | null }>(
      ctx.tx,
      sql`select * from kp_report_vv_facts(${period.from}::date, ${period.to}::date)`,
    ),
    executeRows<{ municipality_code: string; priority: string; entered_on: string; left_on: string | null }>(
      ctx.tx,
      sql`select * from kp_report_waiting_facts(${period.from}::date, ${period.to}::date)`,
    ),
  ]);
  return {
    assessments: assessments.map(
      (a): AssessmentFact => ({
        municipalityCode: a.municipality_code,
        reportedOn: a.reported_on,
        dueOn: a.due_on,
        completedOn: a.completed_on,
      }),
    ),
    investigations: investigations.map(
      (i): InvestigationFact => ({ municipalityCode: i.municipality_code, dueOn: i.due_on, finishedOn: i.finished_on }),
    ),
    handovers: handovers.map(
      (h): HandoverFact => ({
        municipalityCode: h.municipality_code,
        offeredOn: h.offered_on,
        acceptedOn: h.accepted_on,
        firstContactOn: h.first_contact_on,
        declinedOn: h.declined_on,
        declineReasonCode: h.decline_reason_code,
        returnedOn: h.returned_on,
      }),
    ),
    waiting: waiting.map(
      (w): WaitingFact => ({
        municipalityCode: w.municipality_code,
        priority: w.priority,
        enteredOn: w.entered_on,
        leftOn: w.left_on,
      }),
    ),
    vvTrajectories: vvTrajectories.map(
      (v): VvFact => ({ municipalityCode: v.municipality_code, openedOn: v.opened_on, closedOn: v.closed_on }),
    ),
  };
}

/** The knelpunten of the regions shown whose fortnight overlaps the period (RLS limits a gemeente to its region). */
async function loadBottlenecks(ctx: AuthedContext, period: ReportPeriod, regionIds: readonly string[]) {
  if (regionIds.length === 0) return [];
  return ctx.tx
    .select({
      id: reportBottlenecks.id,
      regionId: reportBottlenecks.regionId,
      periodFrom: reportBottlenecks.periodFrom,
      periodTo: reportBottlenecks.periodTo,
      text: reportBottlenecks.text,
      writtenBy: users.name,
      writtenAt: reportBottlenecks.writtenAt,
      version: reportBottlenecks.version,
    })
    .from(reportBottlenecks)
    .innerJoin(users, eq(users.id, reportBottlenecks.writtenByUserId))
    .where(
      and(
        inArray(reportBottlenecks.regionId, [...regionIds]),
        lte(reportBottlenecks.periodFrom, period.to),
        gte(reportBottlenecks.periodTo, period.from),
      ),
    )
    .orderBy(asc(reportBottlenecks.periodFrom));
}

/** The rows a caller may see of a report that was protected over every gemeente. */
function visibleRows(scope: ReportScope, reportRegions: readonly ReportRegion[], rows: ReportRow[]): ReportRow[] {
  if (scope.kind === "all") return rows;
  const regionId = reportRegions.find((region) =>
    region.municipalities.some((m) => m.code === scope.municipalityCode),
  )?.id;
  return rows.filter((row) =>
    row.kind === "region" ? row.regionId === regionId : row.code === scope.municipalityCode,
  );
}

async function auditReportRead(ctx: AuthedContext, scope: ReportScope, objectType: string, span: ReportPeriod) {
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "report",
    action: "read",
    objectType,
    objectId: `${span.from}/${span.to}${scope.kind === "municipality" ? ` ${scope.municipalityCode}` : ""}`,
    outcome: "success",
  });
}

/** The werkvoorraad and doorlooptijden per gemeente and region for a period (issue 8), read and logged. */
export async function loadGemeenteReport(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZGemeenteReportRequest>;
}): Promise<GemeenteReportResponse> {
  const { ctx, input } = options;
  const scope = await resolveReportScope(ctx);
  const period: ReportPeriod =
    input.from && input.to
      ? { from: input.from, to: input.to }
      : lastCompleteTwoWeekPeriod({ today: toAmsterdamDate({ instant: ctx.now() }) });
  const [reportRegions, facts, continuityPeriods] = await Promise.all([
    loadReportRegions(ctx),
    loadReportFacts(ctx, period),
    listContinuityPeriods({ tx: ctx.tx, from: period.from, to: period.to }),
  ]);
  // Protected over every gemeente first (small-counts.ts); only then cut down to what the caller may see.
  const report = buildGemeenteReport({ period, regions: reportRegions, facts });
  const rows = visibleRows(scope, reportRegions, report.rows);
  const bottlenecks = await loadBottlenecks(
    ctx,
    period,
    rows.flatMap((row) => (row.kind === "region" ? [row.regionId] : [])),
  );
  await auditReportRead(ctx, scope, "report.gemeente", period);
  return {
    period,
    scope: scope.kind,
    norms: {
      assessmentsInTimePercent: ASSESSMENT_NORM_PERCENT,
      investigationsInTimePercent: INVESTIGATION_NORM_PERCENT,
    },
    rows,
    bottlenecks,
    // The fortnight a knelpunt written from this report is about: the one the period ends in, or today's.
    bottleneckPeriod: twoWeekPeriodOf({
      date: [period.to, toAmsterdamDate({ instant: ctx.now() })].sort()[0] ?? period.to,
    }),
    // Issue 8: "reports mark figures that fall in it" — the days of the period VT ran only its priority services.
    continuityPeriods: continuityPeriods.map(({ from, to, services }) => ({ from, to, services })),
  };
}

/**
 * The same report for each of the last `periods` two-week periods that have ended, oldest first, for the trend
 * charts. One load of facts covers them all: each period's counting picks its own dates from them.
 */
export async function loadGemeenteReportTrend(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZGemeenteReportTrendRequest>;
}): Promise<GemeenteReportTrendResponse> {
  const { ctx, input } = options;
  const scope = await resolveReportScope(ctx);
  const periods: ReportPeriod[] = [];
  let last = lastCompleteTwoWeekPeriod({ today: input.until ?? toAmsterdamDate({ instant: ctx.now() }) });
  for (let i = 0; i < input.periods; i++) {
    periods.unshift(last);
    last = lastCompleteTwoWeekPeriod({ today: last.from });
  }
  const span = { from: periods[0]?.from ?? last.from, to: periods.at(-1)?.to ?? last.to };
  const [reportRegions, facts, continuityPeriods] = await Promise.all([
    loadReportRegions(ctx),
    loadReportFacts(ctx, span),
    listContinuityPeriods({ tx: ctx.tx, from: span.from, to: span.to }),
  ]);
  await auditReportRead(ctx, scope, "report.trend", span);
  return {
    scope: scope.kind,
    periods: periods.map((period) => ({
      period,
      inContinuityPlan: continuityPeriods.some((c) => c.from <= period.to && c.to >= period.from),
      rows: visibleRows(scope, reportRegions, buildGemeenteReport({ period, regions: reportRegions, facts }).rows),
    })),
  };
}
