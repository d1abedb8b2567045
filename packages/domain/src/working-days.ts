import Holidays from "date-holidays";
import { z } from "zod";

/**
 * A calendar date as people in the Netherlands see it, "YYYY-MM-DD". Deadlines are calendar dates, not instants:
 * doing the arithmetic on strings keeps the server's own time zone and DST out of it.
 */
export type LocalDate = string;

export const AMSTERDAM_TIME_ZONE = "Europe/Amsterdam";

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayInMs = 24 * 60 * 60 * 1000;

/** True for a real calendar date in the form YYYY-MM-DD (so 2026-02-30 is false). */
export function isValidLocalDate({ date }: { date: string }): boolean {
  const match = localDatePattern.exec(date);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

export const ZLocalDate = z
  .string({ error: "Vul een datum in." })
  .refine((date) => isValidLocalDate({ date }), "Vul een geldige datum in (JJJJ-MM-DD).");

// Local dates are mapped onto UTC midnight only to borrow Date's calendar arithmetic; UTC has no DST.
function toUtcMidnight(date: LocalDate): number {
  if (!isValidLocalDate({ date })) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtcMidnight(epochMs: number): LocalDate {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * dayInMs);
}

const amsterdamParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: AMSTERDAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function readAmsterdamClock(instant: Date) {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid Date");
  const parts: Record<string, number> = {};
  for (const part of amsterdamParts.formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return { year, month, day, hour, minute, second };
}

/** The calendar date in Amsterdam at this instant: 2026-03-28T23:30:00Z is already 2026-03-29 there. */
export function toAmsterdamDate({ instant }: { instant: Date }): LocalDate {
  const { year, month, day } = readAmsterdamClock(instant);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function amsterdamOffsetMs(epochMs: number): number {
  const clock = readAmsterdamClock(new Date(epochMs));
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant at which this local day starts in Amsterdam (local midnight). */
export function startOfAmsterdamDay({ date }: { date: LocalDate }): Date {
  const midnightAsUtc = toUtcMidnight(date);
  // Guess with the offset at UTC midnight, then correct once: the offset can differ a few hours later on the day
  // the clocks change. Dutch clocks change at 02:00/03:00 local time, so local midnight always exists exactly once.
  const guess = midnightAsUtc - amsterdamOffsetMs(midnightAsUtc);
  return new Date(midnightAsUtc - amsterdamOffsetMs(guess));
}

/**
 * The instant at which this local day ends in Amsterdam: the next local midnight. A deadline "on" a date is met
 * by anything before this instant. Days are 23 or 25 hours long when the clocks change.
 */
export function endOfAmsterdamDay({ date }: { date: LocalDate }): Date {
  return startOfAmsterdamDay({ date: addCalendarDays(date, 1) });
}

/**
 * Only these public holidays stop the clock. date-holidays marks Goede Vrijdag and Bevrijdingsdag as "school" today;
 * they are excluded by rule as well, so a future data release that makes them "public" does not silently move
 * legal deadlines. See docs/decisions/004-working-days.md.
 */
const workingDayHolidayRules = new Set(["easter -2", "05-05"]);

let dutchHolidays: Holidays | undefined;
const holidaysByYear = new Map<number, ReadonlyMap<LocalDate, string>>();

export type PublicHoliday = { date: LocalDate; name: string };

function loadNonWorkingHolidays(year: number): ReadonlyMap<LocalDate, string> {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  dutchHolidays ??= new Holidays("NL", { languages: ["nl"], timezone: AMSTERDAM_TIME_ZONE });
  const holidays = new Map<LocalDate, string>();
  for (const holiday of dutchHolidays.getHolidays(year, "nl")) {
    if (holiday.type !== "public" || workingDayHolidayRules.has(holiday.rule)) continue;
    // `date` is the local wall-clock date ("2025-04-26 00:00:00"); start/end are instants we do not need.
    holidays.set(holiday.date.slice(0, 10), holiday.name);
  }
  holidaysByYear.set(year, holidays);
  return holidays;
}

/** The national public holidays that are not working days in this year, weekend ones included, by date. */
export function listPublicHolidays({ year }: { year: number }): PublicHoliday[] {
  return [...loadNonWorkingHolidays(year)]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Monday to Friday, and not a national public holiday. */
export function isWorkingDay({ date }: { date: LocalDate }): boolean {
  const weekday = new Date(toUtcMidnight(date)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !loadNonWorkingHolidays(Number(date.slice(0, 4))).has(date);
}

function assertDayCount(days: number): void {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Expected a whole number of days ≥ 0, got ${days}`);
}

function stepToWorkingDay(date: LocalDate, step: 1 | -1): LocalDate {
  let current = date;
  while (!isWorkingDay({ date: current })) current = addCalendarDays(current, step);
  return current;
}

/**
 * The `days`-th working day after `date`; `date` itself never counts, so an offer on Friday with 3 working days is
 * due on Wednesday (Mon 1, Tue 2, Wed 3), and so is an offer on the Saturday after. With 0 days: `date` itself when
 * it is a working day, otherwise the next working day.
 */
export function addWorkingDays({ date, days }: { date: LocalDate; days: number }): LocalDate {
  assertDayCount(days);
  if (days === 0) return stepToWorkingDay(date, 1);
  let current = date;
  for (let counted = 0; counted < days; ) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay({ date: current })) counted += 1;
  }
  return current;
}

/**
 * The `days`-th working day before `date`, the mirror of addWorkingDays: one working day before Monday is the
 * Friday before. With 0 days: `date` itself when it is a working day, otherwise the previous working day.
 */
export function subtractWorkingDays({ date, days }: { date: LocalDate; days: number }): LocalDate {
  assertDayCount(days);
  if (days === 0) return stepToWorkingDay(date, -1);
  let current = date;
  for (let counted = 0; counted < days; ) {
    current = addCalendarDays(current, -1);
    if (isWorkingDay({ date: current })) counted += 1;
  }
  return current;
}

function countWorkingDays(fromExclusive: LocalDate, toInclusive: LocalDate): number {
  let count = 0;
  for (let current = addCalendarDays(fromExclusive, 1); current <= toInclusive; current = addCalendarDays(current, 1)) {
    if (isWorkingDay({ date: current })) count += 1;
  }
  return count;
}

/**
 * Working days left from `from` (typically today) until `to` (typically a due date).
 *
 * - `to` on or after `from`: working days after `from` up to and including `to`; 0 when `to` is `from`.
 * - `to` before `from`: minus the working days from `to` (inclusive) up to `from` (exclusive), the working days
 *   missed. The missed due date itself counts, so a deadline on a working day gives a negative number on every
 *   later date, including the weekend right after it (Friday's deadline is -1 on Saturday, not 0).
 */
export function countWorkingDaysBetween({ from, to }: { from: LocalDate; to: LocalDate }): number {
  toUtcMidnight(from);
  toUtcMidnight(to);
  if (to >= from) return countWorkingDays(from, to);
  return -countWorkingDays(addCalendarDays(to, -1), addCalendarDays(from, -1));
}
