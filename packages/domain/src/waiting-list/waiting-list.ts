import type { MeldingPriority } from "../melding/melding";
import { addWorkingDays, countWorkingDaysBetween, type LocalDate, toAmsterdamDate } from "../working-days";

/** Priorities a case can wait with: acute and spoed never wait (seed 000: "komen niet op de werkvoorraad"). */
export const waitingPriorities = ["high", "normal", "low"] as const;
export type WaitingPriority = (typeof waitingPriorities)[number];

export const contactWays = ["phone", "letter", "visit"] as const;
export type ContactWay = (typeof contactWays)[number];

export const waitingListLeaveReasons = ["service_started", "case_closed"] as const;
export type WaitingListLeaveReason = (typeof waitingListLeaveReasons)[number];

export const changeSignalSources = ["melder", "partner", "household"] as const;
export type ChangeSignalSource = (typeof changeSignalSources)[number];

export const changeSignalKinds = [
  "new_incident",
  "situation_worse",
  "household_changed",
  "help_stopped",
  "other",
] as const;
export type ChangeSignalKind = (typeof changeSignalKinds)[number];

export type ContactFrequencies = Record<WaitingPriority, number>;

/**
 * Default contact frequency in working days (decision 017): high once a week, normal once a fortnight, low once
 * every four weeks. A VT organisation's functioneel beheerder sets its own per region.
 */
export const DEFAULT_CONTACT_FREQUENCIES: ContactFrequencies = { high: 5, normal: 10, low: 20 };
export const MAX_CONTACT_FREQUENCY_DAYS = 60;

/** A change signal re-opens triage: the new veiligheidsbeoordeling is due 5 working days after it came in. */
export const REASSESSMENT_DAYS = 5;

export const ACUTE_NEVER_WAITS =
  "Een acute zaak of spoedzaak komt niet op de wachtlijst: die wordt direct opgepakt. Zet een dienst in.";

/** Why a case cannot go on the waiting list, or null when it can. */
export function waitingListEntryRefusal(options: {
  priority: MeldingPriority;
  assessmentCompleted: boolean;
  alreadyWaiting: boolean;
}): string | null {
  if (options.priority === "acute") return ACUTE_NEVER_WAITS;
  if (!options.assessmentCompleted) {
    return "Rond eerst de veiligheidsbeoordeling af; pas daarna kan de casus op de wachtlijst.";
  }
  if (options.alreadyWaiting) return "Deze casus staat al op de wachtlijst.";
  return null;
}

/** Working days between contacts for this priority; the region's own setting, else the default. */
export function contactFrequencyFor(options: {
  priority: WaitingPriority;
  frequencies?: Partial<ContactFrequencies> | undefined;
}): number {
  return options.frequencies?.[options.priority] ?? DEFAULT_CONTACT_FREQUENCIES[options.priority];
}

/** The next contact moment: `workingDays` working days after entry or the last contact (the day itself not counted). */
export function nextContactDueOn(options: { from: LocalDate; workingDays: number }): LocalDate {
  return addWorkingDays({ date: options.from, days: options.workingDays });
}

/** Where a waiting household's next contact stands today: working days left, negative and overdue when missed. */
export function contactStatus(options: { nextContactDueOn: LocalDate; now: Date }): {
  workingDaysLeft: number;
  overdue: boolean;
} {
  const left = countWorkingDaysBetween({
    from: toAmsterdamDate({ instant: options.now }),
    to: options.nextContactDueOn,
  });
  return { workingDaysLeft: left, overdue: left < 0 };
}

/** Working days a household has waited since it was put on the list (the day of entry not counted). */
export function waitingWorkingDays(options: { enteredOn: LocalDate; now: Date }): number {
  return Math.max(
    0,
    countWorkingDaysBetween({ from: options.enteredOn, to: toAmsterdamDate({ instant: options.now }) }),
  );
}

/** The due date of the veiligheidsbeoordeling a change signal re-opens. */
export function reassessmentDueOn(options: { receivedOn: LocalDate }): LocalDate {
  return addWorkingDays({ date: options.receivedOn, days: REASSESSMENT_DAYS });
}

const rank: Record<MeldingPriority, number> = { acute: 0, high: 1, normal: 2, low: 3 };

/**
 * Order of the waiting list: overdue contacts first (longest overdue leading), then higher priority, then the
 * nearest next contact, then the longest wait.
 */
export function compareWaitingListItems(
  a: { overdue: boolean; workingDaysLeft: number; priority: MeldingPriority; enteredOn: LocalDate },
  b: { overdue: boolean; workingDaysLeft: number; priority: MeldingPriority; enteredOn: LocalDate },
): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.overdue && a.workingDaysLeft !== b.workingDaysLeft) return a.workingDaysLeft - b.workingDaysLeft;
  if (rank[a.priority] !== rank[b.priority]) return rank[a.priority] - rank[b.priority];
  if (a.workingDaysLeft !== b.workingDaysLeft) return a.workingDaysLeft - b.workingDaysLeft;
  return a.enteredOn.localeCompare(b.enteredOn);
}

/** Size and oldest age per priority of a list of open entries: for the gemeente report (aggregates only). */
export function summariseWaitingList(options: {
  entries: readonly { priority: WaitingPriority; enteredOn: LocalDate }[];
  now: Date;
}): Record<WaitingPriority, { count: number; oldestWorkingDays: number | null }> {
  const summary = {
    high: { count: 0, oldestWorkingDays: null as number | null },
    normal: { count: 0, oldestWorkingDays: null as number | null },
    low: { count: 0, oldestWorkingDays: null as number | null },
  };
  for (const entry of options.entries) {
    const bucket = summary[entry.priority];
    const waited = waitingWorkingDays({ enteredOn: entry.enteredOn, now: options.now });
    bucket.count += 1;
    bucket.oldestWorkingDays = Math.max(bucket.oldestWorkingDays ?? 0, waited);
  }
  return summary;
}
