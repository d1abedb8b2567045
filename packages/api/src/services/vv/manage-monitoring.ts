import { memberships, vvConditions, vvMonitoringAssessments, vvMonitoringMoments } from "@ketenportaal/db";
import {
  checkMonitoringRecord,
  checkMonitoringSchedule,
  toAmsterdamDate,
  type VvConditionStatus,
} from "@ketenportaal/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { AuthedContext } from "../../context";
import { DomainRefusal } from "../errors";
import { requireVvSide } from "./access";
import { changeCondition, formatDutchDate, loadOpenTrajectoryFor } from "./manage-conditions";
import { addTimeline, auditVv, bumpTrajectory, loadTrajectory, writeVvEvent } from "./vv-support";

/** Plans a monitoring moment with people of the two organisations on the trajectory. */
export async function scheduleMonitoring(options: {
  ctx: AuthedContext;
  input: { trajectoryId: string; scheduledOn: string; attendeeUserIds: string[] };
}) {
  const { ctx, input } = options;
  const { trajectory, person } = await loadOpenTrajectoryFor(ctx, input.trajectoryId);
  const problem = checkMonitoringSchedule({
    scheduledOn: input.scheduledOn,
    today: toAmsterdamDate({ instant: ctx.now() }),
  });
  if (problem) throw new DomainRefusal("BAD_REQUEST", problem, { fieldErrors: { scheduledOn: [problem] } });
  const attendees = [...new Set(input.attendeeUserIds)];
  const members = await ctx.tx
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        inArray(memberships.userId, attendees),
        inArray(memberships.organisationId, [trajectory.organisationId, trajectory.partnerOrganisationId]),
      ),
    );
  if (attendees.length === 0 || members.length !== attendees.length) {
    const message = "Kies deelnemers van Veilig Thuis en de ketenpartner van dit traject.";
    throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { attendeeUserIds: [message] } });
  }
  const [moment] = await ctx.tx
    .insert(vvMonitoringMoments)
    .values({
      trajectoryId: trajectory.id,
      scheduledOn: input.scheduledOn,
      attendeeUserIds: attendees,
      scheduledByUserId: person.user.id,
      createdAt: ctx.now(),
    })
    .returning();
  if (!moment) throw new Error("monitoring insert returned nothing");
  await addTimeline(ctx, {
    trajectoryId: trajectory.id,
    kind: "monitoring_scheduled",
    text: `Monitoringsmoment gepland op ${formatDutchDate(moment.scheduledOn)}.`,
    author: person,
    monitoringMomentId: moment.id,
  });
  const bumped = await bumpTrajectory(ctx, trajectory.id);
  await auditVv(ctx, { action: "create", objectType: "vv_monitoring", objectId: moment.id, caseId: trajectory.caseId });
  await writeVvEvent(ctx, { event: "monitoring_scheduled", trajectory: bumped, moment });
  return { id: moment.id, version: moment.version, trajectoryVersion: bumped.version };
}

/**
 * Records a monitoring moment: its outcome and how each condition stood. An assessment that differs from a
 * condition's status changes the condition too, by the same rules and with the same history as any change.
 */
export async function recordMonitoring(options: {
  ctx: AuthedContext;
  input: {
    id: string;
    version: number;
    outcome: string;
    assessments: { conditionId: string; status: VvConditionStatus; note?: string | undefined }[];
  };
}) {
  const { ctx, input } = options;
  const [moment] = await ctx.tx.select().from(vvMonitoringMoments).where(eq(vvMonitoringMoments.id, input.id));
  const found = moment ? await loadTrajectory(ctx.tx, moment.trajectoryId) : null;
  requireVvSide(ctx.principal, found);
  if (!moment || !found) throw new Error("unreachable");
  const { trajectory, person } = await loadOpenTrajectoryFor(ctx, found.id);
  const problem = checkMonitoringRecord({
    scheduledOn: moment.scheduledOn,
    recordedAt: moment.recordedAt,
    today: toAmsterdamDate({ instant: ctx.now() }),
  });
  if (problem) throw new DomainRefusal("BAD_REQUEST", problem);
  const [recorded] = await ctx.tx
    .update(vvMonitoringMoments)
    .set({
      recordedAt: ctx.now(),
      recordedByUserId: person.user.id,
      outcome: input.outcome,
      version: moment.version + 1,
    })
    .where(and(eq(vvMonitoringMoments.id, moment.id), eq(vvMonitoringMoments.version, input.version)))
    .returning();
  if (!recorded) {
    throw new DomainRefusal("CONFLICT", "Dit monitoringsmoment is intussen gewijzigd. Bekijk de nieuwe stand.");
  }

  const conditions = await ctx.tx.select().from(vvConditions).where(eq(vvConditions.trajectoryId, trajectory.id));
  const seen = new Set<string>();
  for (const assessment of input.assessments) {
    const condition = conditions.find((c) => c.id === assessment.conditionId);
    if (!condition || seen.has(condition.id)) {
      throw new DomainRefusal("BAD_REQUEST", "Beoordeel alleen voorwaarden van dit traject, elk één keer.");
    }
    seen.add(condition.id);
    await ctx.tx.insert(vvMonitoringAssessments).values({
      momentId: recorded.id,
      conditionId: condition.id,
      status: assessment.status,
      note: assessment.note?.trim() || null,
    });
    if (assessment.status !== condition.status) {
      await changeCondition(ctx, {
        trajectory,
        person,
        condition,
        version: condition.version,
        status: assessment.status,
        note:
          assessment.note?.trim() || `Beoordeeld bij het monitoringsmoment van ${formatDutchDate(moment.scheduledOn)}.`,
        monitoringMomentId: recorded.id,
      });
    }
  }
  await addTimeline(ctx, {
    trajectoryId: trajectory.id,
    kind: "monitoring_recorded",
    text: `Monitoringsmoment van ${formatDutchDate(recorded.scheduledOn)} vastgelegd: ${input.outcome}`,
    author: person,
    monitoringMomentId: recorded.id,
  });
  const bumped = await bumpTrajectory(ctx, trajectory.id);
  await auditVv(ctx, {
    action: "update",
    objectType: "vv_monitoring",
    objectId: recorded.id,
    caseId: trajectory.caseId,
  });
  await writeVvEvent(ctx, { event: "monitoring_recorded", trajectory: bumped, moment: recorded });
  return { id: recorded.id, version: recorded.version, trajectoryVersion: bumped.version };
}
