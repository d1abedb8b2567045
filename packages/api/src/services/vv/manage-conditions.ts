import { vvConditionHistory, vvConditions } from "@ketenportaal/db";
import {
  decideConditionChange,
  VvConditionChangeError,
  type VvConditionOwner,
  type VvConditionStatus,
  vvConditionOwnerLabels,
  vvConditionStatusLabels,
} from "@ketenportaal/domain";
import { and, eq } from "drizzle-orm";
import type { AuthedContext } from "../../context";
import type { Principal } from "../auth/principal";
import { DomainRefusal } from "../errors";
import { requireVvPerson, requireVvSide } from "./access";
import { addTimeline, auditVv, bumpTrajectory, loadTrajectory, type Trajectory, writeVvEvent } from "./vv-support";

type Person = Extract<Principal, { kind: "user" }>;

export function formatDutchDate(date: string): string {
  return new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** An open trajectory the caller works on, and the caller as the author of the change. */
export async function loadOpenTrajectoryFor(ctx: AuthedContext, id: string) {
  const trajectory = await loadTrajectory(ctx.tx, id);
  requireVvSide(ctx.principal, trajectory);
  const person = requireVvPerson(ctx.principal);
  if (!trajectory) throw new Error("unreachable");
  if (trajectory.status !== "open") throw new DomainRefusal("BAD_REQUEST", "Dit V&V-traject is afgesloten.");
  return { trajectory, person };
}

/** Adds a veiligheidsvoorwaarde; its first history row records who set it, for which organisation. */
export async function addCondition(options: {
  ctx: AuthedContext;
  input: { trajectoryId: string; text: string; owner: VvConditionOwner; dueOn: string; note?: string | undefined };
}) {
  const { ctx, input } = options;
  const { trajectory, person } = await loadOpenTrajectoryFor(ctx, input.trajectoryId);
  const now = ctx.now();
  const [condition] = await ctx.tx
    .insert(vvConditions)
    .values({
      trajectoryId: trajectory.id,
      text: input.text,
      owner: input.owner,
      dueOn: input.dueOn,
      createdByUserId: person.user.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!condition) throw new Error("condition insert returned nothing");
  await writeConditionHistory(ctx, { condition, from: null, fromDueOn: null, note: input.note ?? null, person });
  await addTimeline(ctx, {
    trajectoryId: trajectory.id,
    kind: "condition_added",
    text: `Voorwaarde toegevoegd voor ${vvConditionOwnerLabels[condition.owner]}, uiterlijk ${formatDutchDate(condition.dueOn)}: ${condition.text}`,
    author: person,
    conditionId: condition.id,
  });
  const bumped = await bumpTrajectory(ctx, trajectory.id);
  await auditVv(ctx, {
    action: "create",
    objectType: "vv_condition",
    objectId: condition.id,
    caseId: trajectory.caseId,
  });
  await writeVvEvent(ctx, { event: "condition_added", trajectory: bumped, condition });
  return { id: condition.id, status: condition.status, version: condition.version, trajectoryVersion: bumped.version };
}

async function writeConditionHistory(
  ctx: AuthedContext,
  options: {
    condition: typeof vvConditions.$inferSelect;
    from: VvConditionStatus | null;
    fromDueOn: string | null;
    note: string | null;
    person: Person;
    monitoringMomentId?: string | null;
  },
) {
  await ctx.tx.insert(vvConditionHistory).values({
    conditionId: options.condition.id,
    at: ctx.now(),
    fromStatus: options.from,
    toStatus: options.condition.status,
    fromDueOn: options.fromDueOn,
    toDueOn: options.condition.dueOn,
    note: options.note?.trim() || null,
    authorUserId: options.person.user.id,
    authorOrganisationId: options.person.organisation.id,
    monitoringMomentId: options.monitoringMomentId ?? null,
  });
}

/**
 * Changes a condition's status and/or due date, with a note. The status change follows the domain's allowed
 * changes; every change is kept with its author and lands on the shared timeline.
 */
export async function changeCondition(
  ctx: AuthedContext,
  options: {
    trajectory: Trajectory;
    person: Person;
    condition: typeof vvConditions.$inferSelect;
    version: number;
    status?: VvConditionStatus | undefined;
    dueOn?: string | undefined;
    note: string | null | undefined;
    monitoringMomentId?: string | null;
  },
) {
  const { condition, person, trajectory } = options;
  const statusChanges = options.status !== undefined && options.status !== condition.status;
  const dueChanges = options.dueOn !== undefined && options.dueOn !== condition.dueOn;
  if (!statusChanges && !dueChanges) {
    throw new DomainRefusal("BAD_REQUEST", "Er is niets gewijzigd: kies een andere status of termijn.");
  }
  let to = condition.status;
  try {
    if (statusChanges && options.status) {
      to = decideConditionChange({ from: condition.status, to: options.status, note: options.note });
    } else if (!options.note?.trim()) {
      throw new VvConditionChangeError("note_missing", "Licht de wijziging van de termijn toe.");
    }
  } catch (error) {
    if (!(error instanceof VvConditionChangeError)) throw error;
    const field = error.code === "note_missing" ? "note" : "status";
    throw new DomainRefusal("BAD_REQUEST", error.message, { fieldErrors: { [field]: [error.message] } });
  }
  if (condition.status === "dropped") {
    throw new DomainRefusal("BAD_REQUEST", "Een vervallen voorwaarde verandert niet meer.");
  }
  const [updated] = await ctx.tx
    .update(vvConditions)
    .set({
      status: to,
      dueOn: options.dueOn ?? condition.dueOn,
      version: condition.version + 1,
      updatedAt: ctx.now(),
    })
    .where(and(eq(vvConditions.id, condition.id), eq(vvConditions.version, options.version)))
    .returning();
  if (!updated) {
    throw new DomainRefusal(
      "CONFLICT",
      "Deze voorwaarde is intussen gewijzigd door iemand anders. Bekijk de nieuwe stand en probeer het opnieuw.",
    );
  }
  await writeConditionHistory(ctx, {
    condition: updated,
    from: condition.status,
    fromDueOn: condition.dueOn,
    note: options.note ?? null,
    person,
    monitoringMomentId: options.monitoringMomentId ?? null,
  });
  const parts = [
    statusChanges ? `status ${vvConditionStatusLabels[condition.status]} → ${vvConditionStatusLabels[to]}` : null,
    dueChanges ? `termijn ${formatDutchDate(condition.dueOn)} → ${formatDutchDate(updated.dueOn)}` : null,
  ].filter(Boolean);
  await addTimeline(ctx, {
    trajectoryId: trajectory.id,
    kind: "condition_changed",
    text: `Voorwaarde gewijzigd (${parts.join(", ")}): ${updated.text}${options.note?.trim() ? ` — ${options.note.trim()}` : ""}`,
    author: person,
    conditionId: updated.id,
    monitoringMomentId: options.monitoringMomentId ?? null,
  });
  const bumped = await bumpTrajectory(ctx, trajectory.id);
  await auditVv(ctx, { action: "update", objectType: "vv_condition", objectId: updated.id, caseId: trajectory.caseId });
  await writeVvEvent(ctx, { event: "condition_changed", trajectory: bumped, condition: updated });
  return { updated, trajectoryVersion: bumped.version };
}

export async function updateCondition(options: {
  ctx: AuthedContext;
  input: {
    id: string;
    version: number;
    status?: VvConditionStatus | undefined;
    dueOn?: string | undefined;
    note: string;
  };
}) {
  const { ctx, input } = options;
  const [condition] = await ctx.tx.select().from(vvConditions).where(eq(vvConditions.id, input.id));
  const trajectory = condition ? await loadTrajectory(ctx.tx, condition.trajectoryId) : null;
  requireVvSide(ctx.principal, trajectory);
  if (!condition || !trajectory) throw new Error("unreachable");
  const { person } = await loadOpenTrajectoryFor(ctx, trajectory.id);
  if (input.version !== condition.version) {
    throw new DomainRefusal(
      "CONFLICT",
      "Deze voorwaarde is intussen gewijzigd door iemand anders. Bekijk de nieuwe stand en probeer het opnieuw.",
    );
  }
  const { updated, trajectoryVersion } = await changeCondition(ctx, {
    trajectory,
    person,
    condition,
    version: input.version,
    status: input.status,
    dueOn: input.dueOn,
    note: input.note,
  });
  return { id: updated.id, status: updated.status, version: updated.version, trajectoryVersion };
}
