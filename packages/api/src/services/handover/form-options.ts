import {
  memberships,
  municipalities,
  organisations,
  regions,
  teamMunicipalities,
  teams,
  users,
} from "@ketenportaal/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { AuthedContext } from "../../context";
import { DomainRefusal } from "../errors";
import { handoverPartyOf, isVtCaseworker } from "./access";
import { loadHandover } from "./load-handover";

/** The choices of the new-handover form: receiving teams, VT aanspreekpunten, gemeenten and regions. */
export async function handoverFormOptions(options: { ctx: AuthedContext }) {
  const { ctx } = options;
  if (!isVtCaseworker(ctx.principal)) {
    throw new DomainRefusal("FORBIDDEN", "Alleen medewerkers van Veilig Thuis stellen overdrachten op.");
  }
  const teamRows = await ctx.tx
    .select({
      id: teams.id,
      name: teams.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
      kind: organisations.kind,
    })
    .from(teams)
    .innerJoin(organisations, eq(organisations.id, teams.organisationId))
    .where(and(eq(organisations.active, true), inArray(organisations.kind, ["local_team", "cjg", "youth_protection"])))
    .orderBy(asc(organisations.name), asc(teams.name));
  const served = await ctx.tx
    .select({ teamId: teamMunicipalities.teamId, code: teamMunicipalities.municipalityCode })
    .from(teamMunicipalities);
  const contacts = await ctx.tx
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, ctx.principal.organisation.id),
        eq(memberships.role, "team_coordinator"),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.name));
  const regionRows = await ctx.tx
    .select({ id: regions.id, name: regions.name, contactUserId: regions.contactUserId })
    .from(regions)
    .orderBy(asc(regions.name));
  const municipalityRows = await ctx.tx
    .select({ code: municipalities.code, name: municipalities.name, regionId: municipalities.regionId })
    .from(municipalities)
    .orderBy(asc(municipalities.name));
  const regionName = new Map(regionRows.map((r) => [r.id, r.name]));
  return {
    teams: teamRows.map((t) => ({
      id: t.id,
      name: t.name,
      organisation: { id: t.organisationId, name: t.organisationName, kind: t.kind },
      municipalityCodes: served.filter((s) => s.teamId === t.id).map((s) => s.code),
    })),
    vtContacts: [...new Map(contacts.map((c) => [c.id, c])).values()].map((c) => ({
      id: c.id,
      name: c.name,
      regionNames: regionRows.filter((r) => r.contactUserId === c.id).map((r) => r.name),
    })),
    municipalities: municipalityRows.map((m) => ({ ...m, regionName: regionName.get(m.regionId) ?? "" })),
    regions: regionRows.map((r) => ({ id: r.id, name: r.name })),
  };
}

/** People of the receiving organisation a coördinator can assign this handover to. */
export async function listAssignees(options: { ctx: AuthedContext; handoverId: string }) {
  const { ctx } = options;
  const loaded = await loadHandover(ctx.tx, options.handoverId);
  if (!loaded || handoverPartyOf(ctx.principal, loaded.handover) !== "owner") {
    throw new DomainRefusal("NOT_FOUND", "Deze overdracht bestaat niet of is niet aan uw organisatie gericht.");
  }
  const rows = await ctx.tx
    .selectDistinct({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, loaded.handover.targetOrganisationId),
        inArray(memberships.role, ["partner_worker", "partner_coordinator"]),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.name));
  return rows;
}
