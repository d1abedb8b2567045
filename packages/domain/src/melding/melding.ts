import { countWorkingDaysBetween, type LocalDate, subtractWorkingDays, toAmsterdamDate } from "../working-days";

/** Who made the melding: a professional (school, GP, police, wijkteam) or a citizen, neighbour or relative. */
export const melderKinds = ["professional", "non_professional"] as const;
export type MelderKind = (typeof melderKinds)[number];

export type MeldingPriority = "acute" | "high" | "normal" | "low";

/** The factors VT weighs at the front door, as seed 002 lists them (see derivePriority). */
export type PriorityFactors = {
  /** Spoed or acuut: direct pick-up. */
  urgent: boolean;
  childrenInHousehold: boolean;
  elderlyInHousehold: boolean;
  /** Hulpverlening is already involved with the household. */
  existingHelp: boolean;
};

/**
 * Priority from the factors. Source: seed 002 (Haarlem, July 2019) — "geprioriteerd op spoed, kinderen en of
 * ouderen wel/niet in systeem, wel/niet hulpverlening aanwezig"; seed 000 — acute and spoed cases are picked up at
 * once and never wait. Our reading:
 * - spoed/acuut → acute, whatever else holds;
 * - otherwise one point for children or elderly in the household (dependants at risk) and one point for no
 *   hulpverlening yet (nobody else has sight of the household): 2 → high, 1 → normal, 0 → low.
 */
export function derivePriority({ factors }: { factors: PriorityFactors }): MeldingPriority {
  if (factors.urgent) return "acute";
  const dependants = factors.childrenInHousehold || factors.elderlyInHousehold ? 1 : 0;
  const unseen = factors.existingHelp ? 0 : 1;
  const score = dependants + unseen;
  return score === 2 ? "high" : score === 1 ? "normal" : "low";
}

/** Order of priorities in the triage queue, most pressing first. */
export const priorityRank: Record<MeldingPriority, number> = { acute: 0, high: 1, normal: 2, low: 3 };

/** The onderzoek is due 10 weeks after it starts (national norm: 80% within 10 weeks). */
export const INVESTIGATION_WEEKS = 10;

/**
 * Ten calendar weeks after the Amsterdam date the investigation started. When that day is not a working day, the
 * working day before it: like every internal term (decision 004) we err on the early side.
 */
export function investigationDueOn({ startedAt }: { startedAt: Date }): LocalDate {
  const start = toAmsterdamDate({ instant: startedAt });
  const due = new Date(Date.parse(`${start}T00:00:00Z`) + INVESTIGATION_WEEKS * 7 * 24 * 60 * 60 * 1000)
    .toISOString()
    .slice(0, 10);
  return subtractWorkingDays({ date: due, days: 0 });
}

// The assessment due date is safetyAssessmentDueOn (handover/deadlines.ts), the one rule createCase uses too.

/** Working days left until the due date, seen from `now` in Amsterdam; negative when overdue (see countWorkingDaysBetween). */
export function workingDaysLeft({ dueOn, now }: { dueOn: LocalDate; now: Date }): number {
  return countWorkingDaysBetween({ from: toAmsterdamDate({ instant: now }), to: dueOn });
}

/** Steps VT reports back to a professional melder (terugkoppeling aan de melder, Wet meldcode). */
export const melderFeedbackSteps = [
  "assessment_completed",
  "investigation_started",
  "investigation_finished",
  "handed_over",
  "case_closed",
] as const;
export type MelderFeedbackStep = (typeof melderFeedbackSteps)[number];

/** Only a professional melder gets feedback on the steps taken; a citizen melder is not told about the household. */
export function canGiveMelderFeedback({ melderKind }: { melderKind: MelderKind | null }): boolean {
  return melderKind === "professional";
}

/** An investigation is chosen after the assessment, so it starts only once the assessment is complete, and once. */
export function investigationStartRefusal(options: {
  assessmentCompleted: boolean;
  investigationStarted: boolean;
}): string | null {
  if (!options.assessmentCompleted) return "Rond eerst de veiligheidsbeoordeling af; daarna kan een onderzoek starten.";
  if (options.investigationStarted) return "Het onderzoek is al gestart.";
  return null;
}

export function investigationFinishRefusal(options: {
  investigationStarted: boolean;
  investigationFinished: boolean;
}): string | null {
  if (!options.investigationStarted) return "Er loopt geen onderzoek om af te ronden.";
  if (options.investigationFinished) return "Het onderzoek is al afgerond.";
  return null;
}
