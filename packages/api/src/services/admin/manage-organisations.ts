import { municipalities, organisations, regions, teamMunicipalities, teams } from "@ketenportaal/db";
import {
  describeChanges,
  findDeactivationProblem,
  findFreeSlug,
  findOrganisationProblems,
  type OrganisationKind,
} from "@ketenportaal/domain";
import { and, asc, count, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type {
  ZCreateOrganisation,
  ZOrganisationChangeResponse,
  ZOrganisationsResponse,
  ZUpdateOrganisation,
} from "../../routers/admin/organisations.types";
import { auditActorOf, writeAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import { auditAdminCall } from "./admin-access";
import { refuseField, requireVtFunctionalAdmin } from "./organisation-admin-access";

const CONFLICT_MESSAGE = "Deze organisatie is intussen door iemand anders gewijzigd. Bekijk de actuele gegevens.";

/** The gemeenten to choose from, by name, with their region. */
export async function listMunicipalityOptions(ctx: AuthedContext) {
  return ctx.tx
    .select({ code: municipalities.code, name: municipalities.name, regionName: regions.name })
    .from(municipalities)
    .innerJoin(regions, eq(regions.id, municipalities.regionId))
    .orderBy(asc(municipalities.name));
}

/** admin.organisations.list: every organisation of the chain, active or not, with its number of teams. */
export async function listOrganisations(options: {
  ctx: AuthedContext;
}): Promise<z.infer<typeof ZOrganisationsResponse>> {
  const { ctx } = options;
  requireVtFunctionalAdmin(ctx);
  const rows = await ctx.tx
    .select({
      id: organisations.id,
      version: organisations.version,
      name: organisations.name,
      kind: organisations.kind,
      oin: organisations.oin,
      municipalityCode: organisations.municipalityCode,
      active: organisations.active,
    })
    .from(organisations)
    .orderBy(asc(organisations.name));
  const teamCounts = await ctx.tx
    .select({ organisationId: teams.organisationId, n: count() })
    .from(teams)
    .groupBy(teams.organisationId);
  const countOf = new Map(teamCounts.map((row) => [row.organisationId, row.n]));
  const served = await ctx.tx
    .selectDistinct({ organisationId: teams.organisationId, code: teamMunicipalities.municipalityCode })
    .from(teamMunicipalities)
    .innerJoin(teams, eq(teams.id, teamMunicipalities.teamId))
    .orderBy(asc(teamMunicipalities.municipalityCode));
  const servedBy = new Map<string, string[]>();
  for (const row of served) servedBy.set(row.organisationId, [...(servedBy.get(row.organisationId) ?? []), row.code]);
  await auditAdminCall(ctx, { action: "read", objectType: "organisation" });
  return {
    organisations: rows.map((row) => ({
      ...row,
      teamCount: countOf.get(row.id) ?? 0,
      servedMunicipalityCodes: servedBy.get(row.id) ?? [],
    })),
    municipalities: await listMunicipalityOptions(ctx),
  };
}

/** The checks a create and an update share: kind and gemeente, a known gemeente, an OIN no other organisation has. */
async function checkOrganisationFields(
  ctx: AuthedContext,
  input: { kind: OrganisationKind; oin: string | null; municipalityCode: string | null },
  current?: { id: string; kind: OrganisationKind },
) {
  const problems = findOrganisationProblems({
    kind: input.kind,
    municipalityCode: input.municipalityCode,
    ...(current ? { previousKind: current.kind } : {}),
  });
  if (problems.length > 0) {
    throw new DomainRefusal("BAD_REQUEST", problems[0]?.message ?? "De invoer is niet geldig.", {
      fieldErrors: Object.fromEntries(problems.map((p) => [p.field, [p.message]])),
    });
  }
  if (input.municipalityCode) {
    const [known] = await ctx.tx
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(eq(municipalities.code, input.municipalityCode));
    if (!known) refuseField("municipalityCode", "Kies een gemeente uit de lijst.");
  }
  if (input.oin) {
    const [taken] = await ctx.tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        current
          ? and(eq(organisations.oin, input.oin), ne(organisations.id, current.id))
          : eq(organisations.oin, input.oin),
      );
    if (taken) refuseField("oin", "Een andere organisatie heeft dit OIN al.");
  }
}

/** The name's slug, numbered on when another organisation has it. */
async function freeSlugFor(ctx: AuthedContext, name: string): Promise<string> {
  const taken = new Set((await ctx.tx.select({ slug: organisations.slug }).from(organisations)).map((r) => r.slug));
  return findFreeSlug({ name, fallback: "organisatie", taken });
}

/** admin.organisations.create: a new organisation of the chain, active at once; audited with its fields. */
export async function createOrganisation(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZCreateOrganisation>;
}): Promise<z.infer<typeof ZOrganisationChangeResponse>> {
  const { ctx, input } = options;
  requireVtFunctionalAdmin(ctx);
  await checkOrganisationFields(ctx, input);
  const [created] = await ctx.tx
    .insert(organisations)
    .values({
      slug: await freeSlugFor(ctx, input.name),
      name: input.name,
      kind: input.kind,
      oin: input.oin,
      municipalityCode: input.municipalityCode,
      createdAt: ctx.now(),
    })
    .returning({ id: organisations.id, version: organisations.version });
  if (!created) throw new Error("organisation insert returned nothing");
  const changes = describeChanges({ before: {}, after: { ...input, active: true } });
  await auditOrganisationChange(ctx, { action: "create", id: created.id, changes });
  return created;
}

/**
 * admin.organisations.update: name, kind (between partner kinds), OIN, gemeente and active. Deactivating is the only
 * way out (records keep referring to the organisation); its teams are then no longer offered handovers. Version-checked.
 */
export async function updateOrganisation(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZUpdateOrganisation>;
}): Promise<z.infer<typeof ZOrganisationChangeResponse>> {
  const { ctx, input } = options;
  requireVtFunctionalAdmin(ctx);
  const [current] = await ctx.tx.select().from(organisations).where(eq(organisations.id, input.id)).for("update");
  if (!current) throw new DomainRefusal("NOT_FOUND", "Deze organisatie bestaat niet.");
  if (current.version !== input.version) throw new DomainRefusal("CONFLICT", CONFLICT_MESSAGE);
  await checkOrganisationFields(ctx, input, current);
  const deactivation = findDeactivationProblem({
    organisationId: current.id,
    actingOrganisationId: ctx.principal.organisation.id,
    active: input.active,
  });
  if (deactivation) refuseField("active", deactivation);
  const before = {
    name: current.name,
    kind: current.kind,
    oin: current.oin,
    municipalityCode: current.municipalityCode,
    active: current.active,
  };
  const after = {
    name: input.name,
    kind: input.kind,
    oin: input.oin,
    municipalityCode: input.municipalityCode,
    active: input.active,
  };
  const changes = describeChanges({ before, after });
  if (changes.length === 0) return { id: current.id, version: current.version };
  const [updated] = await ctx.tx
    .update(organisations)
    .set({ ...after, version: current.version + 1 })
    .where(and(eq(organisations.id, current.id), eq(organisations.version, current.version)))
    .returning({ id: organisations.id, version: organisations.version });
  if (!updated) throw new DomainRefusal("CONFLICT", CONFLICT_MESSAGE);
  await auditOrganisationChange(ctx, { action: "update", id: current.id, changes });
  return updated;
}

/**
 * The audit log has no details column: the change is recorded as `<id> field: before → after; …` in object_id, as the
 * audit search records its filters. Organisation data only (names, kinds, OIN, gemeentecode), no personal data.
 */
async function auditOrganisationChange(
  ctx: AuthedContext,
  entry: { action: "create" | "update"; id: string; changes: string[] },
) {
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "beheer",
    action: entry.action,
    objectType: "organisation",
    objectId: [entry.id, entry.changes.join("; ")].filter(Boolean).join(" "),
    outcome: "success",
  });
}
