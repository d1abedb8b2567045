import { cases, municipalities } from "@ketenportaal/db";
import { workingDaysLeft } from "@ketenportaal/domain";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { AuthedContext } from "../../context";
import { writeListAudit } from "../audit/write-audit";
import { requireVtCaseworker } from "./manage-melding";

/**
 * The triage queue: the organisation's cases whose veiligheidsbeoordeling is still open, fewest working days left
 * first (overdue ones lead). Working days left only ever grow with the due date, so the database orders by due date
 * and pages by offset; then acute before high before normal before low, then the oldest melding.
 */
export async function listTriageQueue(options: {
  ctx: AuthedContext;
  page: { cursor?: string | undefined; limit: number; municipalityCode?: string | undefined };
}) {
  const { ctx, page } = options;
  requireVtCaseworker(ctx);
  const offset = Number(page.cursor ? Buffer.from(page.cursor, "base64url").toString() : 0) || 0;
  const conditions = [
    eq(cases.organisationId, ctx.principal.organisation.id),
    isNull(cases.safetyAssessmentCompletedAt),
  ];
  if (page.municipalityCode) conditions.push(eq(cases.municipalityCode, page.municipalityCode));
  const priorityRank = sql`case ${cases.priority} when 'acute' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;
  const rows = await ctx.tx
    .select({
      id: cases.id,
      reference: cases.reference,
      municipalityCode: cases.municipalityCode,
      municipalityName: municipalities.name,
      priority: cases.priority,
      reportedAt: cases.reportedAt,
      dueOn: cases.safetyAssessmentDueOn,
    })
    .from(cases)
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .where(and(...conditions))
    .orderBy(asc(cases.safetyAssessmentDueOn), asc(priorityRank), asc(cases.reportedAt), asc(cases.id))
    .limit(page.limit + 1)
    .offset(offset);
  const shown = rows.slice(0, page.limit);
  await writeListAudit(ctx, { purpose: "triage", objectType: "case", ids: shown.map((r) => r.id) });
  const now = ctx.now();
  return {
    items: shown.map((r) => {
      const left = workingDaysLeft({ dueOn: r.dueOn, now });
      return {
        id: r.id,
        reference: r.reference,
        municipality: { code: r.municipalityCode, name: r.municipalityName },
        priority: r.priority,
        reportedAt: r.reportedAt,
        safetyAssessmentDueOn: r.dueOn,
        workingDaysLeft: left,
        overdue: left < 0,
      };
    }),
    nextCursor: rows.length > page.limit ? Buffer.from(String(offset + page.limit)).toString("base64url") : null,
  };
}
