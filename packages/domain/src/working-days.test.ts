import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  countWorkingDaysBetween,
  endOfAmsterdamDay,
  isValidLocalDate,
  isWorkingDay,
  type LocalDate,
  listPublicHolidays,
  startOfAmsterdamDay,
  subtractWorkingDays,
  toAmsterdamDate,
} from "./working-days";

function shift(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Easter Sunday by the anonymous Gregorian algorithm: an independent check on the library's data. */
function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function kingsDay(year: number): LocalDate {
  const sunday = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0;
  return `${year}-04-${sunday ? "26" : "27"}`;
}

describe("the Dutch public holidays", () => {
  const years = Array.from({ length: 37 }, (_, index) => 2014 + index);

  it.each(years)("are exactly the nine national days off in %i", (year) => {
    const easter = easterSunday(year);
    expect(listPublicHolidays({ year }).map(({ date }) => date)).toEqual(
      [
        `${year}-01-01`,
        easter,
        shift(easter, 1),
        kingsDay(year),
        shift(easter, 39),
        shift(easter, 49),
        shift(easter, 50),
        `${year}-12-25`,
        `${year}-12-26`,
      ].sort(),
    );
  });

  it("carries the library's Dutch names", () => {
    expect(listPublicHolidays({ year: 2026 }).map(({ name }) => name)).toEqual([
      "Nieuwjaar",
      "Pasen",
      "Tweede paasdag",
      "Koningsdag",
      "Hemelvaartsdag",
      "Pinksteren",
      "Tweede pinksterdag",
      "Kerstmis",
      "Tweede kerstdag",
    ]);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2026-01-05", true, "an ordinary Monday"],
    ["2026-01-09", true, "an ordinary Friday"],
    ["2026-01-10", false, "a Saturday"],
    ["2026-01-11", false, "a Sunday"],
    ["2026-01-01", false, "Nieuwjaarsdag"],
    ["2025-12-31", true, "Oudejaarsdag (the library's 'bank' day)"],
    ["2025-12-25", false, "Eerste Kerstdag"],
    ["2025-12-26", false, "Tweede Kerstdag"],
    ["2025-04-18", true, "Goede Vrijdag 2025"],
    ["2025-04-21", false, "Tweede Paasdag 2025"],
    ["2026-04-03", true, "Goede Vrijdag 2026"],
    ["2026-04-06", false, "Tweede Paasdag 2026"],
    ["2025-04-25", true, "the Friday before Koningsdag on Saturday 2025-04-26"],
    ["2025-04-28", true, "the Monday after; Koningsdag does not move to a weekday"],
    ["2026-04-27", false, "Koningsdag on Monday 2026-04-27"],
    ["2025-05-05", true, "Bevrijdingsdag 2025, a lustrum year"],
    ["2026-05-05", true, "Bevrijdingsdag 2026"],
    ["2025-05-04", false, "Dodenherdenking 2025, a Sunday anyway"],
    ["2026-05-04", true, "Dodenherdenking 2026 (an observance)"],
    ["2026-05-14", false, "Hemelvaartsdag 2026"],
    ["2026-05-15", true, "the Friday after Hemelvaartsdag"],
    ["2026-05-25", false, "Tweede Pinksterdag 2026"],
    ["2026-09-15", true, "Prinsjesdag"],
    ["2026-12-15", true, "Koninkrijksdag"],
  ] as const)("%s is a working day: %s (%s)", (date, expected, _why) => {
    expect(isWorkingDay({ date })).toBe(expected);
  });

  it.each(["2026-02-30", "2026-1-5", "5-1-2026", ""])("refuses %j as a date", (date) => {
    expect(() => isWorkingDay({ date })).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it.each([
    ["2026-01-09", 3, "2026-01-14", "Friday + 3 is Wednesday"],
    ["2026-01-10", 3, "2026-01-14", "Saturday + 3 is Wednesday too"],
    ["2026-01-05", 1, "2026-01-06", "Monday + 1 is Tuesday"],
    ["2026-01-05", 5, "2026-01-12", "Monday + 5 is next Monday"],
    ["2026-01-05", 0, "2026-01-05", "0 days on a working day is that day"],
    ["2026-01-10", 0, "2026-01-12", "0 days on a Saturday is Monday"],
    ["2026-04-24", 1, "2026-04-28", "over Koningsdag 2026"],
    ["2025-04-25", 1, "2025-04-28", "Koningsdag 2025 falls on Saturday and costs nothing"],
    ["2026-04-02", 5, "2026-04-10", "over Easter: Goede Vrijdag counts, Tweede Paasdag does not"],
    ["2026-05-04", 1, "2026-05-05", "Bevrijdingsdag counts"],
    ["2026-05-13", 3, "2026-05-19", "over Hemelvaartsdag"],
    ["2026-05-22", 1, "2026-05-26", "over Tweede Pinksterdag"],
    ["2025-12-23", 3, "2025-12-30", "over Christmas"],
    ["2025-12-30", 2, "2026-01-02", "over New Year"],
    ["2026-04-22", 10, "2026-05-07", "ten days over Koningsdag and Bevrijdingsdag"],
  ] as const)("%s + %i working days = %s (%s)", (date, days, expected, _why) => {
    expect(addWorkingDays({ date, days })).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN])("refuses %d days", (days) => {
    expect(() => addWorkingDays({ date: "2026-01-05", days })).toThrow(RangeError);
  });
});

describe("subtractWorkingDays", () => {
  it.each([
    ["2026-01-12", 1, "2026-01-09", "Monday - 1 is Friday"],
    ["2026-04-28", 1, "2026-04-24", "over Koningsdag 2026"],
    ["2026-01-02", 1, "2025-12-31", "over Nieuwjaarsdag"],
    ["2025-12-29", 1, "2025-12-24", "over Christmas"],
    ["2026-04-07", 1, "2026-04-03", "over Tweede Paasdag, onto Goede Vrijdag"],
    ["2026-01-05", 0, "2026-01-05", "0 days on a working day is that day"],
    ["2026-01-11", 0, "2026-01-09", "0 days on a Sunday is Friday"],
  ] as const)("%s - %i working days = %s (%s)", (date, days, expected, _why) => {
    expect(subtractWorkingDays({ date, days })).toBe(expected);
  });

  it("undoes addWorkingDays from a working day", () => {
    for (let offset = 0; offset < 400; offset += 1) {
      const date = shift("2025-11-01", offset);
      if (!isWorkingDay({ date })) continue;
      for (const days of [1, 3, 10]) {
        expect(subtractWorkingDays({ date: addWorkingDays({ date, days }), days })).toBe(date);
      }
    }
  });
});

describe("countWorkingDaysBetween", () => {
  it.each([
    ["2026-01-07", "2026-01-07", 0, "due today"],
    ["2026-01-05", "2026-01-09", 4, "Monday to Friday"],
    ["2026-01-09", "2026-01-12", 1, "Friday to Monday"],
    ["2026-01-10", "2026-01-12", 1, "Saturday to Monday"],
    ["2026-01-10", "2026-01-11", 0, "Saturday to Sunday"],
    ["2025-12-24", "2025-12-29", 1, "over Christmas"],
    ["2026-04-24", "2026-04-28", 1, "over Koningsdag"],
    ["2026-01-08", "2026-01-07", -1, "one day overdue"],
    ["2026-01-10", "2026-01-09", -1, "Friday's deadline, seen on Saturday"],
    ["2026-01-12", "2026-01-09", -1, "Friday's deadline, seen on Monday"],
    ["2026-01-13", "2026-01-09", -2, "Friday's deadline, seen on Tuesday"],
    ["2025-12-29", "2025-12-24", -1, "overdue over Christmas"],
  ] as const)("from %s to %s is %i (%s)", (from, to, expected, _why) => {
    expect(countWorkingDaysBetween({ from, to })).toBe(expected);
  });

  it("is negative on every day after a missed deadline, and agrees with addWorkingDays before it", () => {
    const dueOn = "2026-04-24";
    for (let offset = -20; offset <= 20; offset += 1) {
      const today = shift(dueOn, offset);
      const left = countWorkingDaysBetween({ from: today, to: dueOn });
      expect(Math.sign(left)).toBe(offset === 0 ? 0 : -Math.sign(offset));
      if (left >= 0 && isWorkingDay({ date: today })) expect(addWorkingDays({ date: today, days: left })).toBe(dueOn);
    }
  });

  it("is antisymmetric between working days", () => {
    for (const [a, b] of [
      ["2026-04-24", "2026-04-28"],
      ["2025-12-24", "2026-01-05"],
    ] as const) {
      expect(countWorkingDaysBetween({ from: b, to: a })).toBe(-countWorkingDaysBetween({ from: a, to: b }));
    }
  });
});

describe("Amsterdam calendar dates", () => {
  it.each([
    ["2026-03-28T22:59:59Z", "2026-03-28", "winter time, just before midnight"],
    ["2026-03-28T23:30:00Z", "2026-03-29", "already the 29th in Amsterdam"],
    ["2026-03-29T21:59:59Z", "2026-03-29", "the first summer-time evening"],
    ["2026-03-29T22:00:00Z", "2026-03-30", "summer-time midnight"],
    ["2026-07-01T21:59:59Z", "2026-07-01", "summer"],
    ["2026-07-01T22:00:00Z", "2026-07-02", "summer midnight"],
    ["2026-10-24T22:30:00Z", "2026-10-25", "the night the clocks go back"],
    ["2026-10-25T22:30:00Z", "2026-10-25", "winter time again"],
    ["2026-12-31T23:00:00Z", "2027-01-01", "New Year"],
  ])("%s is %s (%s)", (instant, expected) => {
    expect(toAmsterdamDate({ instant: new Date(instant) })).toBe(expected);
  });

  it("refuses an invalid Date", () => {
    expect(() => toAmsterdamDate({ instant: new Date("nonsense") })).toThrow(RangeError);
  });

  it.each([
    ["2026-01-15", "2026-01-14T23:00:00.000Z", "2026-01-15T23:00:00.000Z", 24],
    ["2026-03-28", "2026-03-27T23:00:00.000Z", "2026-03-28T23:00:00.000Z", 24],
    ["2026-03-29", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z", 23],
    ["2026-07-01", "2026-06-30T22:00:00.000Z", "2026-07-01T22:00:00.000Z", 24],
    ["2026-10-25", "2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z", 25],
    ["2026-12-31", "2026-12-30T23:00:00.000Z", "2026-12-31T23:00:00.000Z", 24],
  ])("%s runs from %s to %s (%i hours)", (date, start, end, hours) => {
    const startsAt = startOfAmsterdamDay({ date });
    const endsAt = endOfAmsterdamDay({ date });
    expect(startsAt.toISOString()).toBe(start);
    expect(endsAt.toISOString()).toBe(end);
    expect((endsAt.getTime() - startsAt.getTime()) / 3_600_000).toBe(hours);
    expect(toAmsterdamDate({ instant: new Date(endsAt.getTime() - 1) })).toBe(date);
    expect(toAmsterdamDate({ instant: endsAt })).toBe(shift(date, 1));
  });

  it("validates calendar dates", () => {
    expect(isValidLocalDate({ date: "2028-02-29" })).toBe(true);
    expect(isValidLocalDate({ date: "2026-02-29" })).toBe(false);
    expect(isValidLocalDate({ date: "2026-04-31" })).toBe(false);
    expect(isValidLocalDate({ date: "2026-04-30 " })).toBe(false);
  });
});
