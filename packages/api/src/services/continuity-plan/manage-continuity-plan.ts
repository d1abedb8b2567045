import { continuityPlans, type Queryable } from "@ketenportaal/db";
import {
  type ContinuityPeriod,
  type ContinuityService,
  clipContinuityPeriod,
  continuityPlanStatus,
  decideContinuityPlanEnd,
  findContinuityPlanProblems,
  isCancelledContinuityPlan,
  type LocalDate,
  sortContinuityServices,
  toAmsterdamDate,
} from "@ketenportaal/domain";
import { and, desc, eq, gte, isNull, lte, sql } from "drizzle-orm";
import type { AuthedContext } from "../../context";
import { auditActorOf, writeAudit, writeListAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import { type ContinuityPlanRow, notifyAboutContinuityPlan } from "./notify-about-continuity-plan";

const LIST_LIMIT = 50;

/** The plan as the API shows it: its dates, services in order of priority, and where it stands today. */
export type ContinuityPlanView = {
  id: string;
  version: number;
  startsOn: string;
  expectedEndOn: string;
  endedOn: string | null;
  endReason: "declared" | "reached" | null;
  services: ContinuityService[];
  status: "planned" | "active" | "ended";
  declaredAt: Date;
};

function toView(row: ContinuityPlanRow, today: LocalDate): ContinuityPlanView {
  return {
    id: row.id,
    version: row.version,
    startsOn: row.startsOn,
    expectedEndOn: row.expectedEndOn,
    endedOn: row.endedOn,
    endReason: row.endReason as ContinuityPlanView["endReason"],
    services: sortContinuityServices({ services: row.services as ContinuityService[] }),
    status: continuityPlanStatus({ plan: row, today }),
    declaredAt: row.declaredAt,
  };
}

/** The continuity plan is VT's: only the functioneel beheerder of a VT organisation declares or ends one. */
function requireContinuityAdmin(ctx: AuthedContext): asserts ctx is AuthedContext & {
  principal: Extract<AuthedContext["principal"], { kind: "user" }>;
} {
  const { principal } = ctx;
  if (principal.kind !== "user" || !principal.roles.includes("functional_admin")) {
    throw new DomainRefusal("FORBIDDEN", "Alleen een functioneel beheerder heeft toegang tot deze beheerfunctie.");
  }
  if (principal.organisation.kind !== "vt") {
    throw new DomainRefusal("FORBIDDEN", "Het continuïteitsplan wordt door Veilig Thuis afgekondigd.");
  }
}

function auditBase(ctx: AuthedContext) {
  return { ...auditActorOf(ctx), onBehalfOf: null, purpose: "beheer" };
}

/**
 * Declares a period: the domain's rules (end after start, a start not in the past, a service, no overlap), then the
 * row, its audit row and — when it starts today — the start notices to every partner and gemeente, all in this
 * transaction. A later start is announced by the bridge on its first day (watch-continuity-plans.ts). An advisory
 * lock serialises two beheerders declaring at once, so the overlap check cannot race.
 */
export async function declareContinuityPlan(options: {
  ctx: AuthedContext;
  input: { startsOn: string; expectedEndOn: string; services: ContinuityService[] };
}): Promise<ContinuityPlanView> {
  const { ctx, input } = options;
  requireContinuityAdmin(ctx);
  const now = ctx.now();
  const today = toAmsterdamDate({ instant: now });
  const organisationId = ctx.principal.organisation.id;
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(hashtext('continuity_plans'), 0)`);
  const existing = await ctx.tx
    .select({
      startsOn: continuityPlans.startsOn,
      expectedEndOn: continuityPlans.expectedEndOn,
      endedOn: continuityPlans.endedOn,
    })
    .from(continuityPlans)
    .where(eq(continuityPlans.organisationId, organisationId));
  const services = sortContinuityServices({ services: input.services });
  const problems = findContinuityPlanProblems({ ...input, services, today, existing });
  if (problems.length > 0) {
    throw new DomainRefusal("BAD_REQUEST", problems[0]?.message ?? "De invoer is niet geldig.", {
      fieldErrors: Object.fromEntries(problems.map((p) => [p.field, [p.message]])),
    });
  }
  const [created] = await ctx.tx
    .insert(continuityPlans)
    .values({
      organisationId,
      startsOn: input.startsOn,
      expectedEndOn: input.expectedEndOn,
      services,
      declaredByUserId: ctx.principal.user.id,
      declaredAt: now,
    })
    .returning();
  if (!created) throw new Error("continuity plan not written");
  await writeAudit(ctx.tx, {
    ...auditBase(ctx),
    action: "create",
    objectType: "continuity_plan",
    objectId: created.id,
    outcome: "success",
  });
  const plan =
    created.startsOn <= today
      ? await notifyAboutContinuityPlan({ tx: ctx.tx, plan: created, event: "started", config: ctx.config, now })
      : created;
  return toView(plan, today);
}

/**
 * Ends a plan early (today), or calls off one that has not begun; a plan that has ended cannot be changed. Writes
 * the end, its audit row and — when partners had been told it started — the end notices, in one transaction.
 */
export async function endContinuityPlan(options: {
  ctx: AuthedContext;
  input: { id: string; version: number };
}): Promise<ContinuityPlanView> {
  const { ctx, input } = options;
  requireContinuityAdmin(ctx);
  const now = ctx.now();
  const today = toAmsterdamDate({ instant: now });
  const [plan] = await ctx.tx
    .select()
    .from(continuityPlans)
    .where(and(eq(continuityPlans.id, input.id), eq(continuityPlans.organisationId, ctx.principal.organisation.id)))
    .for("update");
  if (!plan) throw new DomainRefusal("NOT_FOUND", "Dit continuïteitsplan bestaat niet bij uw organisatie.");
  const verdict = decideContinuityPlanEnd({ plan, today });
  if (!verdict.ok) throw new DomainRefusal(verdict.code, verdict.message);
  if (plan.version !== input.version) {
    throw new DomainRefusal("CONFLICT", "Dit continuïteitsplan is intussen gewijzigd. Bekijk de actuele stand.");
  }
  const [ended] = await ctx.tx
    .update(continuityPlans)
    .set({
      endedOn: verdict.endedOn,
      endReason: "declared",
      endedAt: now,
      endedByUserId: ctx.principal.user.id,
      version: plan.version + 1,
    })
    .where(and(eq(continuityPlans.id, plan.id), eq(continuityPlans.version, plan.version)))
    .returning();
  if (!ended)
    throw new DomainRefusal("CONFLICT", "Dit continuïteitsplan is intussen gewijzigd. Bekijk de actuele stand.");
  await writeAudit(ctx.tx, {
    ...auditBase(ctx),
    action: "update",
    objectType: "continuity_plan.end",
    objectId: plan.id,
    outcome: "success",
  });
  // Called off before it began: nobody was told it started, so there is no end to announce.
  const result = plan.startNotifiedAt
    ? await notifyAboutContinuityPlan({ tx: ctx.tx, plan: ended, event: "ended", config: ctx.config, now })
    : ended;
  return toView(result, today);
}

/** The beheerder's list: every period of the organisation, the latest first, with one read row in the audit log. */
export async function listContinuityPlans(options: { ctx: AuthedContext }): Promise<ContinuityPlanView[]> {
  const { ctx } = options;
  requireContinuityAdmin(ctx);
  const today = toAmsterdamDate({ instant: ctx.now() });
  const rows = await ctx.tx
    .select()
    .from(continuityPlans)
    .where(eq(continuityPlans.organisationId, ctx.principal.organisation.id))
    .orderBy(desc(continuityPlans.startsOn))
    .limit(LIST_LIMIT);
  await writeListAudit(ctx, { purpose: "beheer", objectType: "continuity_plan", ids: rows.map((row) => row.id) });
  return rows.map((row) => toView(row, today));
}

/**
 * The period in force today, for the banner every signed-in user sees (of any organisation: VT's plan concerns the
 * whole chain). Null outside a period. Not audited: it holds no case or personal data.
 */
export async function getCurrentContinuityPlan(options: { ctx: AuthedContext }): Promise<ContinuityPlanView | null> {
  const { ctx } = options;
  const today = toAmsterdamDate({ instant: ctx.now() });
  const [row] = await ctx.tx
    .select()
    .from(continuityPlans)
    .where(
      and(
        isNull(continuityPlans.endedOn),
        lte(continuityPlans.startsOn, today),
        gte(continuityPlans.expectedEndOn, today),
      ),
    )
    .orderBy(desc(continuityPlans.startsOn))
    .limit(1);
  return row ? toView(row, today) : null;
}

/** A period as reports see it: the days of the asked range that fall in a plan, with the plan's services. */
export type ContinuityPeriodInRange = {
  planId: string;
  organisationId: string;
  /** The first and last day (inclusive) of the asked range that fall in the plan. */
  from: LocalDate;
  to: LocalDate;
  services: ContinuityService[];
};

/**
 * For reports (issue 8: "reports mark figures that fall in it"): the continuity periods that overlap `[from, to]`
 * (inclusive calendar days, Europe/Amsterdam), clipped to it, in date order. Runs in the caller's transaction; every
 * signed-in user may read the periods (RLS), so a gemeente's report can call it too. A plan called off before it
 * began never applied and is left out; a plan still running counts up to its expected end.
 */
export async function listContinuityPeriods(options: {
  tx: Queryable;
  from: LocalDate;
  to: LocalDate;
}): Promise<ContinuityPeriodInRange[]> {
  const rows = await options.tx
    .select()
    .from(continuityPlans)
    .where(and(lte(continuityPlans.startsOn, options.to), gte(continuityPlans.expectedEndOn, options.from)))
    .orderBy(continuityPlans.startsOn);
  return rows.flatMap((row) => {
    const period: ContinuityPeriod = row;
    if (isCancelledContinuityPlan({ plan: period })) return [];
    const clipped = clipContinuityPeriod({ plan: period, from: options.from, to: options.to });
    return clipped
      ? [
          {
            planId: row.id,
            organisationId: row.organisationId,
            ...clipped,
            services: sortContinuityServices({ services: row.services as ContinuityService[] }),
          },
        ]
      : [];
  });
}
