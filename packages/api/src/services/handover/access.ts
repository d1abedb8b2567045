import { handovers, regions } from "@ketenportaal/db";
import { and, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";

/** The side a caller is on for one handover (FHIR Task: requester = VT, owner = the receiving partner). */
export type HandoverParty = "requester" | "owner";

type HandoverScope = {
  organisationId: string;
  /** A partner sees a handover only once it has been offered. */
  offeredAt: Date | null;
  targetOrganisationId: string;
  targetTeamId: string;
  regionId: string;
};

const VT_CASEWORK_ROLES = ["vt_worker", "team_coordinator"] as const;

function hasRole(principal: Principal, roles: readonly string[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}

/** VT people who do casework (not the functioneel beheerder: beheer is no reason to read case files). */
export function isVtCaseworker(principal: Principal): boolean {
  if (principal.organisation.kind !== "vt") return false;
  return principal.kind === "service_account" || hasRole(principal, VT_CASEWORK_ROLES);
}

export function isPartnerCaseworker(principal: Principal): boolean {
  if (!["local_team", "cjg", "youth_protection"].includes(principal.organisation.kind)) return false;
  return principal.kind === "service_account" || hasRole(principal, ["partner_worker", "partner_coordinator"]);
}

/** A partner medewerker works for one team; a coördinator and a partner system for the whole organisation. */
function partnerTeamScope(principal: Principal): string | null {
  if (principal.kind === "service_account" || hasRole(principal, ["partner_coordinator"])) return null;
  return principal.team?.id ?? "00000000-0000-0000-0000-000000000000";
}

/** Which side of this handover the caller is on, or null when it is not addressed to them at all. */
export function handoverPartyOf(principal: Principal, handover: HandoverScope): HandoverParty | null {
  if (isVtCaseworker(principal) && principal.organisation.id === handover.organisationId) return "requester";
  if (
    isPartnerCaseworker(principal) &&
    principal.organisation.id === handover.targetOrganisationId &&
    handover.offeredAt !== null
  ) {
    const team = partnerTeamScope(principal);
    return team === null || team === handover.targetTeamId ? "owner" : null;
  }
  return null;
}

/** The same rule as `handoverPartyOf`, as a WHERE clause for lists. Null: the caller sees no handovers. */
export function visibleHandoversCondition(principal: Principal): SQL | null {
  if (isVtCaseworker(principal)) return eq(handovers.organisationId, principal.organisation.id);
  if (isPartnerCaseworker(principal)) {
    const team = partnerTeamScope(principal);
    const organisation =
      and(eq(handovers.targetOrganisationId, principal.organisation.id), isNotNull(handovers.offeredAt)) ?? sql`false`;
    return team === null ? organisation : (and(organisation, eq(handovers.targetTeamId, team)) ?? organisation);
  }
  return null;
}

/** The regions where this person is the aanspreekpunt. */
export function myRegionsCondition(principal: Principal): SQL {
  const userId = principal.kind === "user" ? principal.user.id : "00000000-0000-0000-0000-000000000000";
  return inArray(
    handovers.regionId,
    sql`(select ${regions.id} from ${regions} where ${regions.contactUserId} = ${userId})`,
  );
}
