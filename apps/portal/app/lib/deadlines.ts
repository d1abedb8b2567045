import { nl } from "../messages/nl";
import type { HandoverDeadline } from "./api-types";
import { formatLocalDate } from "./format";

const m = nl.deadlines;

/**
 * "nog 2 werkdagen", "vandaag", "3 werkdagen te laat". `workingDaysLeft` comes from the API (negative when the
 * deadline has passed); `overdue` wins when both disagree, e.g. a deadline that fell on a day off.
 */
export function describeWorkingDaysLeft({
  workingDaysLeft,
  overdue,
}: {
  workingDaysLeft: number;
  overdue: boolean;
}): string {
  if (workingDaysLeft < 0) return m.late(-workingDaysLeft);
  if (overdue) return m.lateToday;
  if (workingDaysLeft === 0) return m.today;
  return m.left(workingDaysLeft);
}

/** "Reactie uiterlijk 27 november 2026 (nog 2 werkdagen)". */
export function describeDeadline(deadline: HandoverDeadline, overdue: boolean): string {
  return m.withDaysLeft(
    m[deadline.kind](formatLocalDate(deadline.dueOn)),
    describeWorkingDaysLeft({ workingDaysLeft: deadline.workingDaysLeft, overdue }),
  );
}
