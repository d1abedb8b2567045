import {
  cases,
  memberships,
  municipalities,
  notifications,
  organisations,
  users,
  vvTrajectories,
} from "@ketenportaal/db";
import { findMissingVvParties } from "@ketenportaal/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { AuthedContext } from "../../context";
import { DomainRefusal } from "../errors";
import { isVtCaseworker } from "../handover/access";
import { requireVvPerson } from "./access";
import { addTimeline, auditVv, writeVvEvent } from "./vv-support";

export type OpenTrajectoryInput = {
  caseId: string;
  vtWorkerUserId?: string | null | undefined;
  partnerOrganisationId?: string | null | undefined;
  partnerWorkerUserId?: string | null | undefined;
};

function refuse(field: string, message: string): never {
  throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { [field]: [message] } });
}

/**
 * Opens a V&V trajectory for a VT case: never VT alone, so a VT worker and a named worker of an active partner
 * organisation are required and checked. Called by `vv.create` and by a `vv` decision at the overdrachtstafel.
 */
export async function openTrajectory(options: {
  ctx: AuthedContext;
  input: OpenTrajectoryInput;
  tableItemId?: string | null;
}) {
  const { ctx, input } = options;
  const person = requireVvPerson(ctx.principal);
  if (!isVtCaseworker(person)) {
    throw new DomainRefusal("FORBIDDEN", "Alleen Veilig Thuis opent een V&V-traject, samen met de ketenpartner.");
  }
  const missing = findMissingVvParties({
    vtWorkerUserId: input.vtWorkerUserId,
    partnerOrganisationId: input.partnerOrganisationId,
    partnerWorkerUserId: input.partnerWorkerUserId,
  });
  if (missing.length > 0) {
    const fieldErrors: Record<string, string[]> = {};
    for (const problem of missing) fieldErrors[problem.field] = [problem.message];
    throw new DomainRefusal("BAD_REQUEST", missing.map((problem) => problem.message).join(" "), { fieldErrors });
  }
  const vtWorkerUserId = input.vtWorkerUserId ?? "";
  const partnerOrganisationId = input.partnerOrganisationId ?? "";
  const partnerWorkerUserId = input.partnerWorkerUserId ?? "";

  const [caseRow] = await ctx.tx
    .select({ id: cases.id, municipalityCode: cases.municipalityCode, regionId: municipalities.regionId })
    .from(cases)
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .where(and(eq(cases.id, input.caseId), eq(cases.organisationId, person.organisation.id)))
    .limit(1);
  if (!caseRow) throw new DomainRefusal("NOT_FOUND", "Deze casus bestaat niet bij uw organisatie.");

  const [vtWorker] = await ctx.tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, vtWorkerUserId),
        eq(memberships.organisationId, person.organisation.id),
        inArray(memberships.role, ["vt_worker", "team_coordinator"]),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!vtWorker) refuse("vtWorkerUserId", "Kies een medewerker van Veilig Thuis.");

  const [partner] = await ctx.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, partnerOrganisationId),
        inArray(organisations.kind, ["local_team", "cjg", "youth_protection"]),
        eq(organisations.active, true),
      ),
    )
    .limit(1);
  if (!partner) refuse("partnerOrganisationId", "Kies een ketenpartner: een lokaal team, CJG of jeugdbescherming.");

  const [partnerWorker] = await ctx.tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, partnerWorkerUserId),
        eq(memberships.organisationId, partner.id),
        inArray(memberships.role, ["partner_worker", "partner_coordinator"]),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!partnerWorker) refuse("partnerWorkerUserId", "Kies een medewerker van de gekozen ketenpartner.");

  const [open] = await ctx.tx
    .select({ id: vvTrajectories.id })
    .from(vvTrajectories)
    .where(and(eq(vvTrajectories.caseId, caseRow.id), eq(vvTrajectories.status, "open")))
    .limit(1);
  if (open) throw new DomainRefusal("CONFLICT", "Voor deze casus loopt al een V&V-traject.");

  const now = ctx.now();
  const [created] = await ctx.tx
    .insert(vvTrajectories)
    .values({
      caseId: caseRow.id,
      organisationId: person.organisation.id,
      vtWorkerUserId: vtWorker.userId,
      partnerOrganisationId: partner.id,
      partnerWorkerUserId: partnerWorker.userId,
      municipalityCode: caseRow.municipalityCode,
      regionId: caseRow.regionId,
      tableItemId: options.tableItemId ?? null,
      openedByUserId: person.user.id,
      openedAt: now,
      updatedAt: now,
    })
    .returning();
  if (!created) throw new Error("trajectory insert returned nothing");
  await addTimeline(ctx, {
    trajectoryId: created.id,
    kind: "opened",
    text: options.tableItemId ? "Traject geopend na besluit aan de overdrachtstafel." : "Traject geopend.",
    author: person,
  });
  // The partner worker (and the VT worker, when someone else opened it) hear of it in the portal.
  const recipients = [partnerWorker.userId, vtWorker.userId].filter((id) => id !== person.user.id);
  const [names] = await ctx.tx
    .select({ caseReference: cases.reference, organisationName: organisations.name })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(eq(cases.id, created.caseId));
  if (recipients.length > 0) {
    await ctx.tx.insert(notifications).values(
      [...new Set(recipients)].map((recipientUserId) => ({
        recipientUserId,
        kind: "vv_opened",
        params: {
          caseReference: names?.caseReference,
          organisationName: names?.organisationName,
          trajectoryId: created.id,
        },
        createdAt: now,
      })),
    );
  }
  await auditVv(ctx, { action: "create", objectType: "vv_trajectory", objectId: created.id, caseId: created.caseId });
  await writeVvEvent(ctx, { event: "opened", trajectory: created });
  return { id: created.id, status: created.status, version: created.version };
}
