import { nl } from "../messages/nl";
import { formatLocalDate } from "./format";

/** The next contact moment in words, so "te laat" never rests on colour alone. */
export function nextContactText(item: { nextContactDueOn: string; workingDaysLeft: number; overdue: boolean }): string {
  const on = formatLocalDate(item.nextContactDueOn);
  return item.overdue
    ? nl.waitingList.contactOverdue(on, -item.workingDaysLeft)
    : nl.waitingList.contactDue(on, item.workingDaysLeft);
}
