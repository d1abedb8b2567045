import type { LocalDate } from "../working-days";
import { lastCompleteTwoWeekPeriod } from "./report-periods";

/**
 * The two-week report a gemeente organisation is told about on `today`: only the last fortnight that has ended (no
 * backfill of older ones after an outage or on first deployment), and none that ended before the organisation
 * existed.
 */
export function findReportNoticePeriod(options: {
  today: LocalDate;
  organisationCreatedOn: LocalDate;
}): { from: LocalDate; to: LocalDate } | null {
  const period = lastCompleteTwoWeekPeriod({ today: options.today });
  return period.to < options.organisationCreatedOn ? null : period;
}
