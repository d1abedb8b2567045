import { memberships, organisations, users, vvConditions, vvTrajectories } from "@ketenportaal/db";
import { findVvCloseProblems, type VvOutcomeCode, vvOutcomeLabels } from "@ketenportaal/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { AuthedContext } from "../../context";
import { DomainRefusal } from "../errors";
import { requireVvPerson, requireVvSide } from "./access";
import { addTimeline, auditVv, loadTrajectory, writeVvEvent } from "./vv-support";

const conflict = "Dit V&V-traject is intussen gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.";

/**
 * Closes a trajectory with an outcome and a named follow-up owner who continues with the household now, after
 * every condition has been settled: no close into nothing, no close into a waiting list.
 */
export async function closeTrajectory(options: {
  ctx: AuthedContext;
  input: {
    id: string;
    version: number;
    outcomeCode: VvOutcomeCode;
    outcomeText?: string | undefined;
    followUpOrganisationId: string;
    followUpUserId: string;
  };
}) {
  const { ctx, input } = options;
  const trajectory = await loadTrajectory(ctx.tx, input.id);
  requireVvSide(ctx.principal, trajectory);
  const person = requireVvPerson(ctx.principal);
  if (!trajectory) throw new Error("unreachable");
  if (input.version !== trajectory.version && trajectory.status === "open") {
    throw new DomainRefusal("CONFLICT", conflict);
  }
  const [followUpOrganisation] = await ctx.tx
    .select({ id: organisations.id, kind: organisations.kind, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, input.followUpOrganisationId), eq(organisations.active, true)));
  const [followUpPerson] = followUpOrganisation
    ? await ctx.tx
        .select({ userId: memberships.userId, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.userId, input.followUpUserId),
            eq(memberships.organisationId, followUpOrganisation.id),
            inArray(memberships.role, ["vt_worker", "team_coordinator", "partner_worker", "partner_coordinator"]),
            eq(users.active, true),
          ),
        )
        .limit(1)
    : [];
  const conditions = await ctx.tx
    .select({ id: vvConditions.id, status: vvConditions.status })
    .from(vvConditions)
    .where(eq(vvConditions.trajectoryId, trajectory.id));
  const problems = findVvCloseProblems({
    status: trajectory.status,
    outcomeCode: input.outcomeCode,
    followUpOrganisationKind: followUpOrganisation?.kind ?? null,
    followUpUserId: input.followUpUserId,
    conditions,
  });
  if (followUpOrganisation && !followUpPerson) {
    problems.push({
      field: "followUpUserId",
      message: "Kies een medewerker van de organisatie die met het huishouden verdergaat.",
    });
  }
  if (problems.length > 0) {
    const fieldErrors: Record<string, string[]> = {};
    for (const problem of problems)
      fieldErrors[problem.field] = [...(fieldErrors[problem.field] ?? []), problem.message];
    throw new DomainRefusal("BAD_REQUEST", problems.map((p) => p.message).join(" "), { fieldErrors });
  }

  const now = ctx.now();
  const [closed] = await ctx.tx
    .update(vvTrajectories)
    .set({
      status: "closed",
      closedAt: now,
      closedByUserId: person.user.id,
      outcomeCode: input.outcomeCode,
      outcomeText: input.outcomeText?.trim() || null,
      followUpOrganisationId: input.followUpOrganisationId,
      followUpUserId: input.followUpUserId,
      version: sql`${vvTrajectories.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(vvTrajectories.id, trajectory.id), eq(vvTrajectories.version, input.version)))
    .returning();
  if (!closed) throw new DomainRefusal("CONFLICT", conflict);
  await addTimeline(ctx, {
    trajectoryId: closed.id,
    kind: "closed",
    text: `Traject afgesloten: ${vvOutcomeLabels[input.outcomeCode]}. Verder met het huishouden: ${followUpPerson?.name} (${followUpOrganisation?.name}).`,
    author: person,
  });
  await auditVv(ctx, {
    action: "update",
    objectType: "vv_trajectory.close",
    objectId: closed.id,
    caseId: closed.caseId,
  });
  await writeVvEvent(ctx, {
    event: "closed",
    trajectory: closed,
    outcomeCode: input.outcomeCode,
    followUpOrganisationId: input.followUpOrganisationId,
  });
  return { id: closed.id, status: closed.status, version: closed.version };
}
