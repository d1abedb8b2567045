import { handovers, memberships, municipalities, organisations, regions, tableMeetings, users } from "@ketenportaal/db";
import { describeChanges, findFreeSlug } from "@ketenportaal/domain";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type {
  ZCreateRegion,
  ZRegionChangeResponse,
  ZRegionsResponse,
  ZUpdateRegion,
} from "../../routers/admin/regions.types";
import { auditActorOf, writeAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import { isVtFunctionalAdmin, refuseField } from "./organisation-admin-access";

const CONFLICT_MESSAGE = "Deze regio is intussen door iemand anders gewijzigd. Bekijk de actuele gegevens.";
const OPEN_STATUSES = ["draft", "offered", "accepted", "started"] as const;
const CONTACT_PROBLEM = "Het aanspreekpunt moet een actieve teamcoördinator van Veilig Thuis zijn.";

/**
 * Regions are the chain's agreements (deadlines, aanspreekpunt, which gemeenten): only the functioneel beheerder of
 * a VT organisation changes them (decision 020); a coördinator of either side is refused like everyone else.
 */
function requireRegionAdmin(ctx: AuthedContext): void {
  const message = "Alleen de functioneel beheerder van Veilig Thuis beheert de regio's.";
  if (!isVtFunctionalAdmin(ctx)) throw new DomainRefusal("FORBIDDEN", message);
}

/** Per region: open handovers, and of those the ones whose acceptance or first-contact deadline is running. */
async function handoverCounts(ctx: AuthedContext, regionIds: string[]) {
  if (regionIds.length === 0) return new Map<string, { open: number; running: number }>();
  const rows = await ctx.tx
    .select({
      regionId: handovers.regionId,
      open: count(),
      running: sql<number>`count(*) filter (where (${handovers.status} = 'offered' and ${handovers.acceptanceDueOn}
        is not null) or (${handovers.status} = 'accepted' and ${handovers.firstContactDueOn} is not null))`.mapWith(
        Number,
      ),
    })
    .from(handovers)
    .where(and(inArray(handovers.regionId, regionIds), inArray(handovers.status, [...OPEN_STATUSES])))
    .groupBy(handovers.regionId);
  return new Map(rows.map((row) => [row.regionId, { open: row.open, running: row.running }]));
}

/** Active teamcoördinatoren of active VT organisations: who may be a region's aanspreekpunt. */
async function contactCandidates(ctx: AuthedContext) {
  const rows = await ctx.tx
    .selectDistinct({ id: users.id, name: users.name, organisationName: organisations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(memberships.role, "team_coordinator"),
        eq(organisations.kind, "vt"),
        eq(organisations.active, true),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.name), asc(organisations.name));
  return [...new Map(rows.map((row) => [row.id, row])).values()];
}

async function checkContact(ctx: AuthedContext, userId: string) {
  const candidates = await contactCandidates(ctx);
  if (!candidates.some((c) => c.id === userId)) refuseField("contactUserId", CONTACT_PROBLEM);
}

/** admin.regions.list: every region with its gemeenten, aanspreekpunt, deadlines and version; on record. */
export async function listRegions(options: { ctx: AuthedContext }): Promise<z.infer<typeof ZRegionsResponse>> {
  const { ctx } = options;
  requireRegionAdmin(ctx);
  const rows = await ctx.tx
    .select({
      id: regions.id,
      slug: regions.slug,
      name: regions.name,
      version: regions.version,
      contactId: users.id,
      contactName: users.name,
      acceptanceDeadlineDays: regions.acceptanceDeadlineDays,
      firstContactDeadlineDays: regions.firstContactDeadlineDays,
    })
    .from(regions)
    .leftJoin(users, eq(users.id, regions.contactUserId))
    .orderBy(asc(regions.name));
  const gemeenten = await ctx.tx
    .select({ code: municipalities.code, name: municipalities.name, regionId: municipalities.regionId })
    .from(municipalities)
    .orderBy(asc(municipalities.name));
  const counts = await handoverCounts(
    ctx,
    rows.map((row) => row.id),
  );
  const regionName = new Map(rows.map((row) => [row.id, row.name]));
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "beheer",
    action: "read",
    objectType: "region.list",
    objectId: rows.map((row) => row.id).join(" ") || null,
    outcome: "success",
  });
  return {
    regions: rows.map(({ contactId, contactName, ...row }) => ({
      ...row,
      contact: contactId && contactName !== null ? { id: contactId, name: contactName } : null,
      municipalities: gemeenten.filter((g) => g.regionId === row.id).map(({ code, name }) => ({ code, name })),
      openHandovers: counts.get(row.id)?.open ?? 0,
      runningDeadlines: counts.get(row.id)?.running ?? 0,
    })),
    municipalities: gemeenten.map((g) => ({ ...g, regionName: regionName.get(g.regionId) ?? "" })),
    contactCandidates: await contactCandidates(ctx),
  };
}

/** The Dutch notice of a change: deadlines apply to new deadlines only, and say how many running ones stay. */
function describeOutcome(options: { deadlinesChanged: boolean; runningDeadlines: number; moved: number }): string {
  const parts = ["De regio is opgeslagen."];
  if (options.moved > 0) {
    parts.push(
      options.moved === 1
        ? "Eén gemeente is naar deze regio verplaatst."
        : `${options.moved} gemeenten zijn naar deze regio verplaatst.`,
    );
  }
  if (options.deadlinesChanged) {
    const n = options.runningDeadlines;
    parts.push(
      n === 0
        ? "De nieuwe termijnen gelden voor nieuwe termijnen; er lopen nu geen termijnen in deze regio."
        : `De nieuwe termijnen gelden voor nieuwe termijnen; ${n === 1 ? "de ene lopende termijn blijft" : `de ${n} lopende termijnen blijven`} staan.`,
    );
  }
  return parts.join(" ");
}

/**
 * Is a region in use, so that it must keep a gemeente: open handovers (they keep the region they were made in, its
 * aanspreekpunt and deadlines) or a planned overdrachtstafel. Returns the Dutch reason, or null.
 */
async function regionInUse(ctx: AuthedContext, regionId: string): Promise<string | null> {
  const open = (await handoverCounts(ctx, [regionId])).get(regionId)?.open ?? 0;
  if (open > 0) return open === 1 ? "er loopt nog een overdracht" : `er lopen nog ${open} overdrachten`;
  const [planned] = await ctx.tx
    .select({ n: count() })
    .from(tableMeetings)
    .where(and(eq(tableMeetings.regionId, regionId), eq(tableMeetings.status, "planned")));
  if ((planned?.n ?? 0) > 0) return "er is nog een overdrachtstafel gepland";
  return null;
}

/**
 * admin.regions.update: name, aanspreekpunt, deadlines and gemeenten, version-checked. Deadlines apply to deadlines
 * computed from now on (an offer's acceptance deadline, an acceptance's first-contact deadline): a handover's
 * running deadline is stored on it and stays. A gemeente moves here from its region; that region keeps its last
 * gemeente while it is in use.
 */
export async function updateRegion(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZUpdateRegion>;
}): Promise<z.infer<typeof ZRegionChangeResponse>> {
  const { ctx, input } = options;
  requireRegionAdmin(ctx);
  const [current] = await ctx.tx.select().from(regions).where(eq(regions.id, input.id)).for("update");
  if (!current) throw new DomainRefusal("NOT_FOUND", "Deze regio bestaat niet.");
  if (current.version !== input.version) throw new DomainRefusal("CONFLICT", CONFLICT_MESSAGE);

  const all = await ctx.tx
    .select({ code: municipalities.code, name: municipalities.name, regionId: municipalities.regionId })
    .from(municipalities);
  const currentCodes = all
    .filter((g) => g.regionId === current.id)
    .map((g) => g.code)
    .sort();
  const codes = input.municipalityCodes ?? currentCodes;
  const known = new Map(all.map((g) => [g.code, g]));
  if (codes.some((code) => !known.has(code))) refuseField("municipalityCodes", "Kies gemeenten uit de lijst.");
  const left = currentCodes.filter((code) => !codes.includes(code));
  if (left.length > 0) {
    const names = left.map((code) => known.get(code)?.name ?? code).join(", ");
    refuseField(
      "municipalityCodes",
      `Een gemeente hoort altijd bij één regio: ${names} blijft hier tot u haar bij een andere regio aanvinkt.`,
    );
  }
  const moved = codes.filter((code) => !currentCodes.includes(code));

  if (input.contactUserId !== undefined && input.contactUserId !== current.contactUserId) {
    await checkContact(ctx, input.contactUserId);
  }

  // The regions the moved gemeenten leave: one that would be left without gemeenten must not be in use.
  const sources = new Map<string, string[]>();
  for (const code of moved) {
    const from = known.get(code)?.regionId ?? "";
    sources.set(from, [...(sources.get(from) ?? []), code]);
  }
  const sourceRows =
    sources.size === 0
      ? []
      : await ctx.tx
          .select({ id: regions.id, name: regions.name, version: regions.version })
          .from(regions)
          .where(inArray(regions.id, [...sources.keys()]))
          .for("update");
  const sourceChanges: { id: string; changes: string[] }[] = [];
  for (const source of sourceRows) {
    const before = all.filter((g) => g.regionId === source.id).map((g) => g.code);
    const after = before.filter((code) => !moved.includes(code));
    if (after.length === 0) {
      const reason = await regionInUse(ctx, source.id);
      if (reason) {
        refuseField(
          "municipalityCodes",
          `${before.map((code) => known.get(code)?.name ?? code).join(", ")} is de laatste gemeente van regio ${source.name}, en daar ${reason}. Een regio in gebruik houdt minstens één gemeente.`,
        );
      }
    }
    sourceChanges.push({
      id: source.id,
      changes: describeChanges({ before: { municipalityCodes: before }, after: { municipalityCodes: after } }),
    });
  }

  const before = {
    name: current.name,
    contactUserId: current.contactUserId,
    acceptanceDeadlineDays: String(current.acceptanceDeadlineDays),
    firstContactDeadlineDays: String(current.firstContactDeadlineDays),
    municipalityCodes: currentCodes,
  };
  const after = {
    name: input.name ?? current.name,
    contactUserId: input.contactUserId ?? current.contactUserId,
    acceptanceDeadlineDays: String(input.acceptanceDeadlineDays ?? current.acceptanceDeadlineDays),
    firstContactDeadlineDays: String(input.firstContactDeadlineDays ?? current.firstContactDeadlineDays),
    municipalityCodes: codes,
  };
  const changes = describeChanges({ before, after });
  const deadlinesChanged =
    before.acceptanceDeadlineDays !== after.acceptanceDeadlineDays ||
    before.firstContactDeadlineDays !== after.firstContactDeadlineDays;
  const runningDeadlines = (await handoverCounts(ctx, [current.id])).get(current.id)?.running ?? 0;
  const outcome = { deadlinesChanged, runningDeadlines, movedMunicipalityCodes: moved };
  if (changes.length === 0) {
    return { id: current.id, version: current.version, ...outcome, message: "Er was niets gewijzigd." };
  }

  const [updated] = await ctx.tx
    .update(regions)
    .set({
      name: after.name,
      contactUserId: after.contactUserId,
      acceptanceDeadlineDays: Number(after.acceptanceDeadlineDays),
      firstContactDeadlineDays: Number(after.firstContactDeadlineDays),
      version: current.version + 1,
    })
    .where(and(eq(regions.id, current.id), eq(regions.version, current.version)))
    .returning({ id: regions.id, version: regions.version });
  if (!updated) throw new DomainRefusal("CONFLICT", CONFLICT_MESSAGE);
  if (moved.length > 0) {
    await ctx.tx.update(municipalities).set({ regionId: current.id }).where(inArray(municipalities.code, moved));
    // The regions the gemeenten left changed too: a new version, so an open form of theirs is stale.
    for (const source of sourceRows) {
      await ctx.tx
        .update(regions)
        .set({ version: source.version + 1 })
        .where(eq(regions.id, source.id));
    }
  }
  await auditRegionChange(ctx, { action: "update", id: current.id, changes });
  for (const source of sourceChanges) await auditRegionChange(ctx, { action: "update", ...source });
  return {
    ...updated,
    ...outcome,
    message: describeOutcome({ deadlinesChanged, runningDeadlines, moved: moved.length }),
  };
}

/** The name's slug, numbered on when another region has it. */
async function freeSlugFor(ctx: AuthedContext, name: string): Promise<string> {
  const taken = new Set((await ctx.tx.select({ slug: regions.slug }).from(regions)).map((r) => r.slug));
  return findFreeSlug({ name, fallback: "regio", taken });
}

/** admin.regions.create: a new region without gemeenten (they move in with an update); audited with its fields. */
export async function createRegion(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZCreateRegion>;
}): Promise<z.infer<typeof ZRegionChangeResponse>> {
  const { ctx, input } = options;
  requireRegionAdmin(ctx);
  await checkContact(ctx, input.contactUserId);
  if (input.slug) {
    const [taken] = await ctx.tx.select({ id: regions.id }).from(regions).where(eq(regions.slug, input.slug));
    if (taken) refuseField("slug", "Een andere regio heeft deze slug al.");
  }
  const [created] = await ctx.tx
    .insert(regions)
    .values({
      slug: input.slug ?? (await freeSlugFor(ctx, input.name)),
      name: input.name,
      contactUserId: input.contactUserId,
      acceptanceDeadlineDays: input.acceptanceDeadlineDays,
      firstContactDeadlineDays: input.firstContactDeadlineDays,
      createdAt: ctx.now(),
    })
    .returning({ id: regions.id, version: regions.version, slug: regions.slug });
  if (!created) throw new Error("region insert returned nothing");
  const changes = describeChanges({
    before: {},
    after: {
      name: input.name,
      slug: created.slug,
      contactUserId: input.contactUserId,
      acceptanceDeadlineDays: String(input.acceptanceDeadlineDays),
      firstContactDeadlineDays: String(input.firstContactDeadlineDays),
    },
  });
  await auditRegionChange(ctx, { action: "create", id: created.id, changes });
  return {
    id: created.id,
    version: created.version,
    deadlinesChanged: false,
    runningDeadlines: 0,
    movedMunicipalityCodes: [],
    message: "De regio is aangemaakt. Vink bij de regio de gemeenten aan die erbij horen.",
  };
}

/** As for organisations and teams: `<id> field: before → after; …` in object_id (ids, numbers, gemeentecodes). */
async function auditRegionChange(
  ctx: AuthedContext,
  entry: { action: "create" | "update"; id: string; changes: string[] },
) {
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "beheer",
    action: entry.action,
    objectType: "region",
    objectId: [entry.id, entry.changes.join("; ")].filter(Boolean).join(" "),
    outcome: "success",
  });
}
