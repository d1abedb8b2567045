import type { OrganisationKind, Role } from "@ketenportaal/api";

/** Which overdrachten page someone gets: VT's overview, the partner's inbox, or none (gemeente, beheer). */
export type HandoverView = "vt" | "partner";

type Person = { organisation: { kind: OrganisationKind }; roles: readonly Role[] };

const PARTNER_KINDS: readonly OrganisationKind[] = ["local_team", "cjg", "youth_protection"];

/**
 * Mirrors the API's own rule (VT caseworkers and partner caseworkers see handovers), so the portal can answer 403
 * before asking. The API still decides what each person may see.
 */
export function handoverViewOf(person: Person): HandoverView | null {
  const has = (...roles: Role[]) => person.roles.some((role) => roles.includes(role));
  if (person.organisation.kind === "vt" && has("vt_worker", "team_coordinator")) return "vt";
  if (PARTNER_KINDS.includes(person.organisation.kind) && has("partner_worker", "partner_coordinator")) {
    return "partner";
  }
  return null;
}

/** A VT teamcoördinator can be the aanspreekpunt of regions, and so filter on "mijn regio's". */
export function isRegionContact(person: Person): boolean {
  return person.organisation.kind === "vt" && person.roles.includes("team_coordinator");
}
