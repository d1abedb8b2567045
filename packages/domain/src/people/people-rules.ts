/**
 * People in functioneel beheer (issue 10, decision 019): who may give which role, when an invite still works, and the
 * rule that the chain always keeps a functioneel beheerder at Veilig Thuis.
 */

/** An invite link works this long; after that the beheerder invites again. */
export const INVITE_VALID_DAYS = 7;

/** The roles a partner coördinator may give (within their own organisation). */
export const PARTNER_MANAGED_ROLES = ["partner_worker", "partner_coordinator"] as const;

export type InviteState = "open" | "expired" | "used";

export function inviteExpiryFrom(options: { now: Date }): Date {
  return new Date(options.now.getTime() + INVITE_VALID_DAYS * 24 * 60 * 60 * 1000);
}

export function inviteStateOf(options: { expiresAt: Date; usedAt: Date | null; now: Date }): InviteState {
  if (options.usedAt) return "used";
  return options.now.getTime() >= options.expiresAt.getTime() ? "expired" : "open";
}

export const INVITE_STATE_MESSAGES: Record<Exclude<InviteState, "open">, string> = {
  expired:
    "Deze uitnodiging is niet meer geldig: verlopen of ingetrokken. Vraag uw functioneel beheerder om een nieuwe uitnodiging.",
  used: "Deze uitnodiging is al gebruikt. Log in met het wachtwoord dat u toen hebt gekozen.",
};

/**
 * The last active functioneel beheerder of the VT organisation keeps that role and stays active: otherwise nobody
 * can manage people, organisations or teams any more. `remainingAfter` is how many active VT beheerders there would
 * be after the change.
 */
export function findLastAdminProblem(options: {
  wasVtAdmin: boolean;
  remainsVtAdmin: boolean;
  remainingAfter: number;
}): string | null {
  if (!options.wasVtAdmin || options.remainsVtAdmin) return null;
  if (options.remainingAfter > 0) return null;
  return "Dit is de laatste actieve functioneel beheerder van Veilig Thuis. Maak eerst iemand anders functioneel beheerder.";
}

/** Which roles the acting person may give: the VT beheerder every role, a partner coördinator the partner roles. */
export function mayGiveRole<R extends string>(options: { actorIsVtAdmin: boolean; role: R }): boolean {
  if (options.actorIsVtAdmin) return true;
  return (PARTNER_MANAGED_ROLES as readonly string[]).includes(options.role);
}

/**
 * Which roles fit which kind of organisation: VT's roles at Veilig Thuis, the partner roles at a partner, the
 * beleidsmedewerker at a gemeente. Principals, policies and the report rely on it.
 */
export function findRoleProblem(options: { role: string; organisationKind: string }): string | null {
  const { role, organisationKind } = options;
  if (["functional_admin", "vt_worker", "team_coordinator"].includes(role)) {
    return organisationKind === "vt" ? null : "Deze rol hoort bij Veilig Thuis. Kies een rol van deze organisatie.";
  }
  if (role === "policy_officer") {
    return organisationKind === "municipality" ? null : "Alleen een gemeente heeft beleidsmedewerkers.";
  }
  return organisationKind === "vt" || organisationKind === "municipality"
    ? "Deze rol hoort bij een ketenpartner. Kies een rol van deze organisatie."
    : null;
}
