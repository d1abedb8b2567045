import { organisations, type Queryable, vvTimelineEntries, vvTrajectories } from "@ketenportaal/db";
import type { VvOutcomeCode } from "@ketenportaal/domain";
import { topics, type VvEvent, ZVvEventPayload } from "@ketenportaal/events";
import { eq, sql } from "drizzle-orm";
import type { AuthedContext } from "../../context";
import { auditActorOf, writeAudit } from "../audit/write-audit";
import type { Principal } from "../auth/principal";
import { writeOutboxEvent } from "../outbox/write-outbox-event";

export type Trajectory = typeof vvTrajectories.$inferSelect;

export async function loadTrajectory(tx: Queryable, id: string): Promise<Trajectory | null> {
  const [row] = await tx.select().from(vvTrajectories).where(eq(vvTrajectories.id, id)).limit(1);
  return row ?? null;
}

/** One audit row for a V&V change or read, always with the case. */
export function auditVv(
  ctx: AuthedContext,
  entry: { action: "create" | "read" | "update" | "execute"; objectType: string; objectId: string; caseId: string },
) {
  return writeAudit(ctx.tx, {
    occurredAt: ctx.now(),
    ...auditActorOf(ctx),
    purpose: "vv",
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    caseId: entry.caseId,
    outcome: "success",
  });
}

/**
 * Raises the trajectory's version for a change announced as an event, and returns the trajectory after it. The
 * row lock orders concurrent changes, so event sequence numbers follow the commit order.
 */
export async function bumpTrajectory(
  ctx: AuthedContext,
  id: string,
  set: Partial<typeof vvTrajectories.$inferInsert> = {},
): Promise<Trajectory> {
  const [row] = await ctx.tx
    .update(vvTrajectories)
    .set({ ...set, version: sql`${vvTrajectories.version} + 1`, updatedAt: ctx.now() })
    .where(eq(vvTrajectories.id, id))
    .returning();
  if (!row) throw new Error("trajectory vanished");
  return row;
}

/** The shared timeline: both organisations write on it, and every change above lands on it automatically. */
export async function addTimeline(
  ctx: AuthedContext,
  entry: {
    trajectoryId: string;
    kind: typeof vvTimelineEntries.$inferInsert.kind;
    text: string;
    author: Extract<Principal, { kind: "user" }>;
    conditionId?: string | null;
    monitoringMomentId?: string | null;
  },
) {
  const [row] = await ctx.tx
    .insert(vvTimelineEntries)
    .values({
      trajectoryId: entry.trajectoryId,
      at: ctx.now(),
      kind: entry.kind,
      text: entry.text,
      authorUserId: entry.author.user.id,
      authorOrganisationId: entry.author.organisation.id,
      conditionId: entry.conditionId ?? null,
      monitoringMomentId: entry.monitoringMomentId ?? null,
    })
    .returning({ id: vvTimelineEntries.id });
  if (!row) throw new Error("timeline insert returned nothing");
  return row;
}

/** Writes a V&V event: the trajectory's ids and status, plus what it is about. Never free text. */
export async function writeVvEvent(
  ctx: AuthedContext,
  options: {
    event: VvEvent;
    trajectory: Trajectory;
    condition?: { id: string; owner: "household" | "partner" | "vt"; status: string; dueOn: string };
    moment?: { id: string; scheduledOn: string };
    outcomeCode?: VvOutcomeCode;
    followUpOrganisationId?: string;
  },
) {
  const { trajectory } = options;
  const now = ctx.now();
  const payload = ZVvEventPayload.parse({
    trajectoryId: trajectory.id,
    caseId: trajectory.caseId,
    status: trajectory.status,
    version: trajectory.version,
    organisationId: trajectory.organisationId,
    partnerOrganisationId: trajectory.partnerOrganisationId,
    municipalityCode: trajectory.municipalityCode,
    regionId: trajectory.regionId,
    ...(options.condition
      ? {
          conditionId: options.condition.id,
          conditionOwner: options.condition.owner,
          conditionStatus: options.condition.status,
          conditionDueOn: options.condition.dueOn,
        }
      : {}),
    ...(options.moment
      ? { monitoringMomentId: options.moment.id, monitoringScheduledOn: options.moment.scheduledOn }
      : {}),
    ...(options.outcomeCode ? { outcomeCode: options.outcomeCode } : {}),
    ...(options.followUpOrganisationId ? { followUpOrganisationId: options.followUpOrganisationId } : {}),
    occurredAt: now.toISOString(),
  });
  const [vt] = await ctx.tx
    .select({ oin: organisations.oin })
    .from(organisations)
    .where(eq(organisations.id, trajectory.organisationId));
  await writeOutboxEvent({
    tx: ctx.tx,
    aggregate: "vv",
    aggregateId: trajectory.id,
    event: options.event,
    sequence: trajectory.version,
    organisationId: trajectory.organisationId,
    organisationOin: vt?.oin ?? null,
    topic: topics.vv,
    payload,
    now,
  });
}
