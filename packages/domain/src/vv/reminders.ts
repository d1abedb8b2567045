import { addWorkingDays, type LocalDate } from "../working-days";

/** What the deadline watch says about a V&V date: a reminder shortly before, a notice once it has passed. */
export type VvDeadlineStage = "due" | "overdue";

/**
 * The stage of an open condition's due date or an unrecorded monitoring moment's date on `today`: overdue once the
 * day has passed, due from one working day before (so a Friday reminder covers a Monday date), else nothing yet.
 */
export function vvDeadlineStage(options: { date: LocalDate; today: LocalDate }): VvDeadlineStage | null {
  if (options.date < options.today) return "overdue";
  return options.date <= addWorkingDays({ date: options.today, days: 1 }) ? "due" : null;
}
