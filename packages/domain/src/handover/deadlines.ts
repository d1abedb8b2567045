import { addWorkingDays, type LocalDate, subtractWorkingDays, toAmsterdamDate } from "../working-days";

/** The veiligheidsbeoordeling is legally due 5 working days after the melding (DESIGN.md section 3). */
export const SAFETY_ASSESSMENT_DAYS = 5;
/** Defaults for when a region has not agreed its own terms. */
export const DEFAULT_ACCEPTANCE_DAYS = 3;
export const DEFAULT_FIRST_CONTACT_DAYS = 10;

// Every term starts counting the day after the event's Amsterdam date (see addWorkingDays) and ends at the end of the
// due date (endOfAmsterdamDay), so the time of day of the event never matters.

export function safetyAssessmentDueOn({ reportedAt }: { reportedAt: Date }): LocalDate {
  return addWorkingDays({ date: toAmsterdamDate({ instant: reportedAt }), days: SAFETY_ASSESSMENT_DAYS });
}

export function acceptanceDueOn({ offeredAt, acceptanceDays }: { offeredAt: Date; acceptanceDays: number }): LocalDate {
  return addWorkingDays({ date: toAmsterdamDate({ instant: offeredAt }), days: acceptanceDays });
}

export function firstContactDueOn({
  acceptedAt,
  firstContactDays,
}: {
  acceptedAt: Date;
  firstContactDays: number;
}): LocalDate {
  return addWorkingDays({ date: toAmsterdamDate({ instant: acceptedAt }), days: firstContactDays });
}

/** One working day before the due date, so a reminder sent on Friday covers a deadline on Monday. */
export function reminderOn({ dueOn }: { dueOn: LocalDate }): LocalDate {
  return subtractWorkingDays({ date: dueOn, days: 1 });
}
