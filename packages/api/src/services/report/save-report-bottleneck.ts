import { regions, reportBottlenecks } from "@ketenportaal/db";
import { checkBottleneckText, toAmsterdamDate, twoWeekPeriodOf } from "@ketenportaal/domain";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type { ZSaveReportBottleneckRequest } from "../../routers/report/report.types";
import { auditActorOf, writeAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";

const CHANGED_MEANWHILE =
  "Iemand anders heeft het knelpunt van deze periode intussen vastgelegd of gewijzigd. Lees de tekst zoals die nu is en pas die zo nodig aan.";

/**
 * A VT teamcoördinator records the knelpunten of a region's two-week period (issue 8); the report shows them to VT
 * and to the region's gemeenten. One text per region and fortnight: a second save must name the version it
 * changes, as a handover's edits do. Any VT coördinator may write for any region, so a colleague can stand in for
 * the region's aanspreekpunt.
 */
export async function saveReportBottleneck(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZSaveReportBottleneckRequest>;
}): Promise<{ id: string; version: number; periodFrom: string; periodTo: string }> {
  const { ctx, input } = options;
  const { principal } = ctx;
  if (
    principal.kind !== "user" ||
    principal.organisation.kind !== "vt" ||
    !principal.roles.includes("team_coordinator")
  ) {
    throw new DomainRefusal("FORBIDDEN", "Alleen een teamcoördinator van Veilig Thuis legt knelpunten vast.");
  }
  const checked = checkBottleneckText({ text: input.text });
  if (!checked.ok)
    throw new DomainRefusal("BAD_REQUEST", checked.message, { fieldErrors: { text: [checked.message] } });
  const period = twoWeekPeriodOf({ date: input.date });
  if (period.from > toAmsterdamDate({ instant: ctx.now() })) {
    const message = "Deze periode is nog niet begonnen.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { date: [message] } });
  }
  const [region] = await ctx.tx.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId));
  if (!region) {
    throw new DomainRefusal("BAD_REQUEST", "Kies een regio.", { fieldErrors: { regionId: ["Kies een regio."] } });
  }

  const [existing] = await ctx.tx
    .select({ id: reportBottlenecks.id, version: reportBottlenecks.version })
    .from(reportBottlenecks)
    .where(and(eq(reportBottlenecks.regionId, input.regionId), eq(reportBottlenecks.periodFrom, period.from)))
    .for("update");
  const written = { text: checked.text, writtenByUserId: principal.user.id, writtenAt: ctx.now() };
  let saved: { id: string; version: number } | undefined;
  if (existing) {
    if (input.version !== existing.version) throw new DomainRefusal("CONFLICT", CHANGED_MEANWHILE);
    [saved] = await ctx.tx
      .update(reportBottlenecks)
      .set({ ...written, version: existing.version + 1 })
      .where(and(eq(reportBottlenecks.id, existing.id), eq(reportBottlenecks.version, existing.version)))
      .returning({ id: reportBottlenecks.id, version: reportBottlenecks.version });
  } else {
    if (input.version !== undefined) throw new DomainRefusal("CONFLICT", CHANGED_MEANWHILE);
    [saved] = await ctx.tx
      .insert(reportBottlenecks)
      .values({
        ...written,
        organisationId: principal.organisation.id,
        regionId: input.regionId,
        periodFrom: period.from,
        periodTo: period.to,
      })
      // Another VT organisation's text for the same fortnight (invisible here) or a save in the same instant.
      .onConflictDoNothing()
      .returning({ id: reportBottlenecks.id, version: reportBottlenecks.version });
  }
  if (!saved) throw new DomainRefusal("CONFLICT", CHANGED_MEANWHILE);
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "report",
    action: existing ? "update" : "create",
    objectType: "report_bottleneck",
    objectId: saved.id,
    outcome: "success",
  });
  return { ...saved, periodFrom: period.from, periodTo: period.to };
}
