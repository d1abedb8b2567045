import { nl } from "../messages/nl";
import type { HandoverDetail, HistoryEntry, MissingItem } from "./api-types";
import { describeDeadline } from "./deadlines";
import { formatDate, formatDateTime, formatLocalDate } from "./format";
import { personFieldName } from "./handover-form";

const m = nl.handoverDetail;

export type TextRow = { key: string; label: string; value: string };

export type TimelineEntry = { id: number; text: string; at: string; reason: string | null };

/** A missing item of a draft, with the edit form's field that fixes it. */
export type MissingItemView = { message: string; href: string };

export type PersonView = {
  id: string;
  name: string;
  role: string;
  birthYear: string;
  /** The masked BSN as shown, and the digits it shows (read out instead of the asterisks); null when none. */
  bsn: { masked: string; lastDigits: string } | null;
  spoken: string;
};

function orNotFilledIn(value: string | null): string {
  return value?.trim() ? value : m.notFilledIn;
}

function yesNo(value: boolean | null): string {
  if (value === null) return m.notFilledIn;
  return value ? nl.forms.yes : nl.forms.no;
}

/** "Aangeboden door Mira de Vries (Veilig Thuis Kennemerland) op 25 november 2026 om 14:03". */
export function describeHistoryEntry(entry: HistoryEntry): TimelineEntry {
  const what = m.historyActions[entry.action] ?? m.historyUnknownAction;
  return {
    id: entry.id,
    text: m.historyEntry(what, m.historyActor(entry.actor.name, entry.actor.organisation), formatDateTime(entry.at)),
    at: entry.at.toISOString(),
    reason: entry.reason?.trim() ? m.historyReason(entry.reason) : null,
  };
}

/** Where on the edit page a missing item is fixed; persons by their position in the case. */
export function missingItemHref(handoverId: string, item: MissingItem, personIds: readonly string[]): string {
  const page = `/overdrachten/${handoverId}/bewerken`;
  const row = item.personId ? personIds.indexOf(item.personId) : -1;
  const field = (() => {
    switch (item.field) {
      case "safetyAssessmentCompletedAt":
        return "safetyAssessmentCompleted";
      case "involvedPersons":
        return personFieldName(0, "role");
      case "involvedPersons.spokenStatus":
        return row >= 0 ? personFieldName(row, "spokenStatus") : null;
      case "involvedPersons.notSpokenReason":
        return row >= 0 ? personFieldName(row, "notSpokenReason") : null;
      case "concerns":
      case "conclusion":
      case "safetyConditions":
      case "householdView":
      case "vtContactUserId":
      case "vtJoinsFirstVisit":
        return item.field;
      default:
        return null;
    }
  })();
  return field ? `${page}#field-${field}` : page;
}

/** Everything the detail page shows, as text formatted on the server (Amsterdam time, Dutch words). */
export function handoverDetailViewOf(handover: HandoverDetail) {
  const personIds = handover.case.persons.map((person) => person.id);
  const facts: TextRow[] = [
    { key: "priority", label: m.priority, value: nl.priorities[handover.priority] },
    {
      key: "municipality",
      label: m.municipality,
      value: m.municipalityValue(handover.municipality.name, handover.region.name),
    },
    {
      key: "offeredBy",
      label: m.offeredBy,
      value: m.offeredByValue(handover.offeringUser.name, handover.organisation.name),
    },
    {
      key: "targetTeam",
      label: m.targetTeam,
      value: m.targetTeamValue(handover.targetTeam.name, handover.targetOrganisation.name),
    },
  ];
  if (handover.status !== "draft" && handover.status !== "withdrawn") {
    facts.push({ key: "assignedTo", label: m.assignedTo, value: handover.assignedUser?.name ?? m.notAssigned });
  }
  if (handover.offeredAt) {
    facts.push({ key: "offeredAt", label: m.offeredAt, value: formatDateTime(handover.offeredAt) });
  }
  if (handover.acceptedAt) {
    facts.push({ key: "acceptedAt", label: m.acceptedAt, value: formatDateTime(handover.acceptedAt) });
  }
  if (handover.firstContactOn) {
    facts.push({ key: "firstContactOn", label: m.firstContactOn, value: formatLocalDate(handover.firstContactOn) });
  }
  if (handover.closedAt) {
    facts.push({ key: "closedAt", label: m.closedAt, value: formatDateTime(handover.closedAt) });
  }

  const packageRows: TextRow[] = [
    { key: "concerns", label: m.concerns, value: orNotFilledIn(handover.concerns) },
    { key: "conclusion", label: m.conclusion, value: orNotFilledIn(handover.case.conclusion) },
    { key: "safetyConditions", label: m.safetyConditions, value: orNotFilledIn(handover.safetyConditions) },
    { key: "householdView", label: m.householdView, value: orNotFilledIn(handover.householdView) },
    { key: "vtContact", label: m.vtContact, value: handover.vtContact?.name ?? m.notFilledIn },
    { key: "vtJoinsFirstVisit", label: m.vtJoinsFirstVisit, value: yesNo(handover.vtJoinsFirstVisit) },
  ];

  const caseRows: TextRow[] = [
    { key: "reference", label: m.reference, value: handover.case.reference },
    { key: "municipality", label: m.municipality, value: handover.municipality.name },
    { key: "reportedAt", label: m.reportedAt, value: formatDate(handover.case.reportedAt) },
    {
      key: "safetyAssessment",
      label: m.safetyAssessment,
      value: handover.case.safetyAssessmentCompletedAt
        ? m.safetyAssessmentCompleted(formatDate(handover.case.safetyAssessmentCompletedAt))
        : m.safetyAssessmentOpen(formatLocalDate(handover.case.safetyAssessmentDueOn)),
    },
  ];

  const persons: PersonView[] = handover.case.persons.map((person) => ({
    id: person.id,
    name: person.name,
    role: nl.personRoles[person.role],
    birthYear: person.birthYear === null ? m.unknown : String(person.birthYear),
    bsn:
      person.bsnMasked === null ? null : { masked: person.bsnMasked, lastDigits: person.bsnMasked.replace(/\D/g, "") },
    spoken:
      person.spokenStatus === "spoken"
        ? m.spoken
        : person.spokenStatus === "not_spoken"
          ? person.notSpokenReason
            ? m.notSpokenWithReason(person.notSpokenReason)
            : m.notSpoken
          : m.spokenUnknown,
  }));

  const closure: { key: string; heading: string; rows: TextRow[] }[] = [];
  if (handover.declineReasonCode) {
    const code = handover.declineReasonCode as keyof typeof nl.declineReasons;
    closure.push({
      key: "decline",
      heading: m.declineHeading,
      rows: [
        { key: "reason", label: m.declineReason, value: nl.declineReasons[code] ?? handover.declineReasonCode },
        ...(handover.declineReasonText
          ? [{ key: "text", label: m.declineText, value: handover.declineReasonText }]
          : []),
      ],
    });
  }
  if (handover.returnReasonText) {
    closure.push({
      key: "return",
      heading: m.returnHeading,
      rows: [{ key: "reason", label: m.returnReason, value: handover.returnReasonText }],
    });
  }
  if (handover.outcomeCode) {
    const code = handover.outcomeCode as keyof typeof nl.outcomes;
    closure.push({
      key: "outcome",
      heading: m.outcomeHeading,
      rows: [
        { key: "outcome", label: m.outcome, value: nl.outcomes[code] ?? handover.outcomeCode },
        ...(handover.outcomeReferredTo
          ? [{ key: "referredTo", label: m.referredTo, value: handover.outcomeReferredTo }]
          : []),
      ],
    });
  }

  return {
    id: handover.id,
    version: handover.version,
    reference: handover.caseReference,
    status: handover.status,
    deadline: handover.currentDeadline ? describeDeadline(handover.currentDeadline, handover.overdue) : null,
    overdue: handover.overdue,
    facts,
    packageRows,
    caseRows,
    persons,
    closure,
    history: handover.history.map(describeHistoryEntry),
    allowedActions: handover.allowedActions,
    missingItems: handover.missingItems.map(
      (item): MissingItemView => ({ message: item.message, href: missingItemHref(handover.id, item, personIds) }),
    ),
  };
}

export type HandoverDetailView = ReturnType<typeof handoverDetailViewOf>;
