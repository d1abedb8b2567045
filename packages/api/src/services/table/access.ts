import { tableMeetingParticipants, tableMeetings } from "@ketenportaal/db";
import { eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { DomainRefusal } from "../errors";
import { isPartnerCaseworker, isVtCaseworker } from "../handover/access";

/**
 * How the caller sees one meeting: VT (the organisation holding it) sees everything and works the agenda; a
 * participating partner sees the agenda summary, and the details only of what it receives. Anyone else: nothing.
 */
export type TableView = "vt" | "participant";

export function tableViewOf(
  principal: Principal,
  meeting: { organisationId: string; participantOrganisationIds: readonly string[] },
): TableView | null {
  if (isVtCaseworker(principal) && principal.organisation.id === meeting.organisationId) return "vt";
  if (isPartnerCaseworker(principal) && meeting.participantOrganisationIds.includes(principal.organisation.id)) {
    return "participant";
  }
  return null;
}

/** The same rule as `tableViewOf`, as a WHERE clause for lists. Null: the caller sees no meetings at all. */
export function visibleMeetingsCondition(principal: Principal): SQL | null {
  if (isVtCaseworker(principal)) return eq(tableMeetings.organisationId, principal.organisation.id);
  if (isPartnerCaseworker(principal)) {
    return inArray(
      tableMeetings.id,
      sql`(select ${tableMeetingParticipants.meetingId} from ${tableMeetingParticipants}
           where ${tableMeetingParticipants.organisationId} = ${principal.organisation.id})`,
    );
  }
  return null;
}

/** The people who plan the agenda: VT medewerkers and coördinatoren, in person (a decision needs a name). */
export function requireVtPerson(principal: Principal, meetingOrganisationId: string | null, action: string) {
  if (principal.kind !== "user" || !isVtCaseworker(principal)) {
    throw new DomainRefusal("FORBIDDEN", `Alleen medewerkers van Veilig Thuis kunnen ${action}.`);
  }
  if (meetingOrganisationId !== null && principal.organisation.id !== meetingOrganisationId) {
    throw new DomainRefusal("NOT_FOUND", "Deze overdrachtstafel bestaat niet of u neemt er niet aan deel.");
  }
  return principal;
}

/** Who chairs and decides: a VT teamcoördinator (DESIGN.md: the coördinator chairs the overdrachtstafel). */
export function requireVtCoordinator(principal: Principal, meetingOrganisationId: string | null, action: string) {
  const person = requireVtPerson(principal, meetingOrganisationId, action);
  if (!person.roles.includes("team_coordinator")) {
    throw new DomainRefusal("FORBIDDEN", `Alleen een teamcoördinator van Veilig Thuis kan ${action}.`);
  }
  return person;
}

/** The caller's view of a loaded meeting, or NOT_FOUND: a meeting you do not take part in does not exist for you. */
export function requireTableView(
  principal: Principal,
  meeting: { organisationId: string; participantOrganisationIds: readonly string[] } | null,
): TableView {
  const view = meeting ? tableViewOf(principal, meeting) : null;
  if (!view) {
    throw new DomainRefusal(
      "NOT_FOUND",
      "Deze overdrachtstafel bestaat niet of uw organisatie neemt er niet aan deel.",
    );
  }
  return view;
}
