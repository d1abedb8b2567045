import { vvTrajectories } from "@ketenportaal/db";
import { eq, type SQL } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { DomainRefusal } from "../errors";
import { isPartnerCaseworker, isVtCaseworker } from "../handover/access";

/** The side a caller is on for one trajectory: VT or the partner organisation. Nobody else sees it. */
export type VvSide = "vt" | "partner";

type TrajectoryScope = { organisationId: string; partnerOrganisationId: string };

export function vvSideOf(principal: Principal, trajectory: TrajectoryScope): VvSide | null {
  if (isVtCaseworker(principal) && principal.organisation.id === trajectory.organisationId) return "vt";
  if (isPartnerCaseworker(principal) && principal.organisation.id === trajectory.partnerOrganisationId) {
    return "partner";
  }
  return null;
}

/** The same rule as `vvSideOf`, as a WHERE clause for lists. Null: the caller sees no trajectories. */
export function visibleTrajectoriesCondition(principal: Principal): SQL | null {
  if (isVtCaseworker(principal)) return eq(vvTrajectories.organisationId, principal.organisation.id);
  if (isPartnerCaseworker(principal)) return eq(vvTrajectories.partnerOrganisationId, principal.organisation.id);
  return null;
}

export const TRAJECTORY_NOT_FOUND = "Dit V&V-traject bestaat niet of uw organisatie werkt er niet aan mee.";

/** The caller's side of a loaded trajectory, or NOT_FOUND. */
export function requireVvSide(principal: Principal, trajectory: TrajectoryScope | null): VvSide {
  const side = trajectory ? vvSideOf(principal, trajectory) : null;
  if (!side) throw new DomainRefusal("NOT_FOUND", TRAJECTORY_NOT_FOUND);
  return side;
}

/** Changes to a trajectory are made by people: each timeline entry and condition change names its author. */
export function requireVvPerson(principal: Principal) {
  if (principal.kind !== "user") {
    throw new DomainRefusal(
      "FORBIDDEN",
      "Een V&V-traject wordt bijgewerkt door een medewerker, niet door een koppeling.",
    );
  }
  return principal;
}
