import type { LocalDate } from "../working-days";

/**
 * The gemeente report runs every two weeks (issue 8: "elke twee weken"): fixed Monday-to-Sunday fortnights counted
 * from Monday 1 January 2024, so every gemeente and every run means the same two weeks.
 */
const ANCHOR_MS = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;
const FORTNIGHT_DAYS = 14;

const toMs = (date: LocalDate) => Date.parse(`${date}T00:00:00Z`);
const fromMs = (ms: number): LocalDate => new Date(ms).toISOString().slice(0, 10);

/** The fortnight a date falls in. */
export function twoWeekPeriodOf(options: { date: LocalDate }): { from: LocalDate; to: LocalDate } {
  const days = Math.round((toMs(options.date) - ANCHOR_MS) / DAY_MS);
  const start = ANCHOR_MS + Math.floor(days / FORTNIGHT_DAYS) * FORTNIGHT_DAYS * DAY_MS;
  return { from: fromMs(start), to: fromMs(start + (FORTNIGHT_DAYS - 1) * DAY_MS) };
}

/** The last fortnight that has ended before `today`: the report that is "ready". */
export function lastCompleteTwoWeekPeriod(options: { today: LocalDate }): { from: LocalDate; to: LocalDate } {
  const current = twoWeekPeriodOf({ date: options.today });
  return twoWeekPeriodOf({ date: fromMs(toMs(current.from) - DAY_MS) });
}

/** Calendar days in a period, both ends included (for the longest period a report may cover). */
export function countPeriodDays(options: { from: LocalDate; to: LocalDate }): number {
  return Math.round((toMs(options.to) - toMs(options.from)) / DAY_MS) + 1;
}
