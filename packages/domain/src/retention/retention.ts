import { type LocalDate, toAmsterdamDate } from "../working-days";

/**
 * Retention of VT files (decision 012). A file is kept 20 years after it was closed, or until the youngest child
 * is 18, whichever is later; then it is destroyed and only anonymous figures remain.
 */
export const RETENTION_YEARS = 20;
export const ADULT_AGE = 18;

/** A Wmo 2015 request to destroy a file is carried out within three months. */
export const DESTRUCTION_REQUEST_MONTHS = 3;

function parse(date: LocalDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

function format(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day `months` calendar months later; a day the month lacks becomes its last day (30 Nov + 3 → 28 Feb). */
export function addCalendarMonths({ date, months }: { date: LocalDate; months: number }): LocalDate {
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * What the retention rule needs to know about one file, gathered from its parts (case, handovers, V&V trajectories,
 * table agenda items). There is no "close case" action: a file is closed when nothing in it is in progress, and it
 * closed at its last change.
 */
export type RetentionFacts = {
  /** A handover in draft/offered/accepted/started, an open V&V trajectory, or an undecided agenda item. */
  inProgress: boolean;
  /** The latest change to the case or any of its parts. */
  lastActivityAt: Date;
  /** Birth year of the youngest child among the involved persons; null when no child has a known birth year. */
  youngestChildBirthYear: number | null;
};

export type Retention =
  | { status: "in_progress" }
  | { status: "retained" | "expired"; closedOn: LocalDate; retainUntil: LocalDate };

/**
 * The last day a closed file must be kept: 20 years after the day it closed, or — later — the day the youngest
 * child is 18 for certain. Only the birth year is known, so we take 31 December of the year they turn 18.
 */
export function computeRetainUntil({
  closedOn,
  youngestChildBirthYear,
}: {
  closedOn: LocalDate;
  youngestChildBirthYear: number | null;
}): LocalDate {
  const twentyYears = addCalendarMonths({ date: closedOn, months: RETENTION_YEARS * 12 });
  if (youngestChildBirthYear === null) return twentyYears;
  const adult = format(youngestChildBirthYear + ADULT_AGE, 12, 31);
  // ISO dates compare as strings: the later of the two.
  if (adult > twentyYears) return adult;
  return twentyYears;
}

/** Where a file stands on `today` (Amsterdam date): in progress, kept, or past its retention (destroy it). */
export function retentionOf({ facts, today }: { facts: RetentionFacts; today: LocalDate }): Retention {
  if (facts.inProgress) return { status: "in_progress" };
  const closedOn = toAmsterdamDate({ instant: facts.lastActivityAt });
  const retainUntil = computeRetainUntil({ closedOn, youngestChildBirthYear: facts.youngestChildBirthYear });
  return { status: today > retainUntil ? "expired" : "retained", closedOn, retainUntil };
}

/** Who asked for the destruction: only the person concerned or their legal representative may (Wmo 2015). */
export const destructionRequesterCategories = ["betrokkene", "wettelijk_vertegenwoordiger"] as const;
export type DestructionRequesterCategory = (typeof destructionRequesterCategories)[number];

export const destructionRequesterLabels = {
  betrokkene: "betrokkene zelf",
  wettelijk_vertegenwoordiger: "wettelijk vertegenwoordiger",
} as const satisfies Record<DestructionRequesterCategory, string>;

/** The legal exceptions under which a request is refused. */
export const destructionRefusalCodes = ["active_follow_up", "interest_of_another", "legal_obligation"] as const;
export type DestructionRefusalCode = (typeof destructionRefusalCodes)[number];

export const destructionRefusalLabels = {
  active_follow_up: "het dossier is nog nodig voor een lopende overdracht, V&V of bespreking aan de overdrachtstafel",
  interest_of_another:
    "bewaren is van aanmerkelijk belang voor een ander dan de verzoeker (zoals de veiligheid van een kind)",
  legal_obligation: "een wettelijk voorschrift verzet zich tegen vernietiging",
} as const satisfies Record<DestructionRefusalCode, string>;

export const destructionRequestStatuses = ["open", "carried_out", "refused"] as const;
export type DestructionRequestStatus = (typeof destructionRequestStatuses)[number];

/** The day by which the request must have been carried out. */
export function destructionRequestDeadline({ requestedOn }: { requestedOn: LocalDate }): LocalDate {
  return addCalendarMonths({ date: requestedOn, months: DESTRUCTION_REQUEST_MONTHS });
}

export type DestructionProblem = { field: string; message: string };

/** A request date lies in the past or today, never in the future. */
export function findDestructionRequestProblems({
  requestedOn,
  today,
}: {
  requestedOn: LocalDate;
  today: LocalDate;
}): DestructionProblem[] {
  if (requestedOn > today) {
    return [{ field: "requestedOn", message: "De datum van het verzoek kan niet in de toekomst liggen." }];
  }
  return [];
}

export type DestructionDecision = { kind: "carry_out" } | { kind: "refuse"; reasonCode: DestructionRefusalCode };

export type DestructionVerdict = { ok: true } | { ok: false; code: "CONFLICT" | "BAD_REQUEST"; message: string };

/**
 * Whether a request may be decided this way: only an open request; a file still in progress cannot be destroyed
 * (the beheerder records a refusal instead), and "still in progress" is a valid refusal only when it is true.
 */
export function decideDestructionRequest({
  status,
  inProgress,
  decision,
}: {
  status: DestructionRequestStatus;
  inProgress: boolean;
  decision: DestructionDecision;
}): DestructionVerdict {
  if (status !== "open") {
    return { ok: false, code: "CONFLICT", message: "Over dit verzoek is al besloten." };
  }
  if (decision.kind === "carry_out" && inProgress) {
    return {
      ok: false,
      code: "CONFLICT",
      message:
        "Het dossier is nog nodig voor een lopende overdracht, V&V of bespreking aan de overdrachtstafel. " +
        "Leg een weigering vast of vernietig het dossier als die zijn afgerond.",
    };
  }
  if (decision.kind === "refuse" && decision.reasonCode === "active_follow_up" && !inProgress) {
    return {
      ok: false,
      code: "BAD_REQUEST",
      message: "Er loopt niets meer in dit dossier: kies een andere reden of voer het verzoek uit.",
    };
  }
  return { ok: true };
}
