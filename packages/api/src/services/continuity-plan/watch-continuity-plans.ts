import { continuityPlans, type Database } from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { toAmsterdamDate } from "@ketenportaal/domain";
import { and, eq, isNull, lt, lte } from "drizzle-orm";
import type { ApiConfig } from "../../context";
import { writeAudit } from "../audit/write-audit";
import { notifyAboutContinuityPlan } from "./notify-about-continuity-plan";

/**
 * How a period's start or end is "reached" without anyone acting: the bridge's deadline watch calls this every
 * minute. A plan whose first day has come (Europe/Amsterdam) and whose start was not yet announced gets its start
 * notices; a plan whose expected end day has passed is ended (`end_reason = reached`, last day = the expected end)
 * and gets its end notices. Each plan in its own transaction as the worker role, the row locked and re-checked, so
 * two bridges never announce one twice.
 */
export async function watchContinuityPlans(options: {
  db: Database;
  now: Date;
  config: ApiConfig;
}): Promise<{ started: number; ended: number }> {
  const { now } = options;
  const today = toAmsterdamDate({ instant: now });
  const counts = { started: 0, ended: 0 };
  const requestId = `continuity-watch-${now.toISOString()}`;

  const dueToEnd = await withSystemTask(options.db, { task: "deadline-watch" }, (tx) =>
    tx
      .select({ id: continuityPlans.id })
      .from(continuityPlans)
      .where(and(isNull(continuityPlans.endedOn), lt(continuityPlans.expectedEndOn, today))),
  );
  for (const { id } of dueToEnd) {
    const ended = await withSystemTask(options.db, { task: "deadline-watch", requestId }, async (tx) => {
      const [plan] = await tx
        .select()
        .from(continuityPlans)
        .where(
          and(eq(continuityPlans.id, id), isNull(continuityPlans.endedOn), lt(continuityPlans.expectedEndOn, today)),
        )
        .for("update");
      if (!plan) return false;
      const [row] = await tx
        .update(continuityPlans)
        .set({ endedOn: plan.expectedEndOn, endReason: "reached", endedAt: now, version: plan.version + 1 })
        .where(and(eq(continuityPlans.id, id), eq(continuityPlans.version, plan.version)))
        .returning();
      if (!row) return false;
      await writeAudit(tx, systemAudit({ organisationId: plan.organisationId, id, action: "end", now, requestId }));
      // A plan whose start was never announced (the bridge was down all along) still gets both notices, in order.
      const announced = plan.startNotifiedAt
        ? row
        : await notifyAboutContinuityPlan({ tx, plan: row, event: "started", config: options.config, now });
      await notifyAboutContinuityPlan({ tx, plan: announced, event: "ended", config: options.config, now });
      return true;
    });
    if (ended) counts.ended++;
  }

  const dueToStart = await withSystemTask(options.db, { task: "deadline-watch" }, (tx) =>
    tx
      .select({ id: continuityPlans.id })
      .from(continuityPlans)
      .where(
        and(
          isNull(continuityPlans.endedOn),
          isNull(continuityPlans.startNotifiedAt),
          lte(continuityPlans.startsOn, today),
        ),
      ),
  );
  for (const { id } of dueToStart) {
    const started = await withSystemTask(options.db, { task: "deadline-watch", requestId }, async (tx) => {
      const [plan] = await tx
        .select()
        .from(continuityPlans)
        .where(
          and(
            eq(continuityPlans.id, id),
            isNull(continuityPlans.endedOn),
            isNull(continuityPlans.startNotifiedAt),
            lte(continuityPlans.startsOn, today),
          ),
        )
        .for("update");
      if (!plan) return false;
      await writeAudit(tx, systemAudit({ organisationId: plan.organisationId, id, action: "start", now, requestId }));
      await notifyAboutContinuityPlan({ tx, plan, event: "started", config: options.config, now });
      return true;
    });
    if (started) counts.started++;
  }
  return counts;
}

function systemAudit(options: {
  organisationId: string;
  id: string;
  action: "start" | "end";
  now: Date;
  requestId: string;
}) {
  return {
    occurredAt: options.now,
    organisationId: options.organisationId,
    onBehalfOf: "continuity-watch",
    purpose: "beheer",
    action: "update" as const,
    objectType: `continuity_plan.${options.action}`,
    objectId: options.id,
    outcome: "success" as const,
    requestId: options.requestId,
  };
}
