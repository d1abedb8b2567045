import { describe, expect, it } from "vitest";
import { amsterdamToday, formatDate, formatDateTime, formatLocalDate, formatLongDate, isLocalDate } from "./format";

describe("formatLongDate", () => {
  it("names the weekday and month in Dutch", () => {
    expect(formatLongDate(new Date("2025-11-25T12:00:00Z"))).toBe("dinsdag 25 november 2025");
  });

  it("uses the Dutch calendar day in winter (UTC+1)", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(formatLongDate(new Date("2025-12-31T23:30:00Z"))).toBe("donderdag 1 januari 2026");
    expect(formatLongDate(new Date("2025-12-31T22:59:00Z"))).toBe("woensdag 31 december 2025");
  });

  it("uses the Dutch calendar day in summer (UTC+2)", () => {
    expect(formatLongDate(new Date("2025-06-30T22:30:00Z"))).toBe("dinsdag 1 juli 2025");
    expect(formatLongDate(new Date("2025-06-30T21:59:00Z"))).toBe("maandag 30 juni 2025");
  });
});

describe("formatDateTime", () => {
  it("follows the switch to summer time (last Sunday of March)", () => {
    expect(formatDateTime(new Date("2025-03-30T00:59:00Z"))).toBe("30 maart 2025 om 01:59");
    expect(formatDateTime(new Date("2025-03-30T01:00:00Z"))).toBe("30 maart 2025 om 03:00");
  });

  it("follows the switch back to winter time (last Sunday of October)", () => {
    expect(formatDateTime(new Date("2025-10-26T00:30:00Z"))).toBe("26 oktober 2025 om 02:30");
    expect(formatDateTime(new Date("2025-10-26T01:30:00Z"))).toBe("26 oktober 2025 om 02:30");
    expect(formatDateTime(new Date("2025-10-26T02:30:00Z"))).toBe("26 oktober 2025 om 03:30");
  });
});

describe("formatDate", () => {
  it("has no weekday", () => {
    expect(formatDate(new Date("2025-11-25T12:00:00Z"))).toBe("25 november 2025");
  });
});

describe("formatLocalDate", () => {
  it("writes an API calendar date the Dutch way, whatever the season", () => {
    expect(formatLocalDate("2026-11-25")).toBe("25 november 2026");
    expect(formatLocalDate("2026-07-01")).toBe("1 juli 2026");
    expect(formatLocalDate("2026-01-01")).toBe("1 januari 2026");
  });

  it("leaves anything else as it is", () => {
    expect(formatLocalDate("morgen")).toBe("morgen");
  });
});

describe("isLocalDate", () => {
  it("accepts real dates only", () => {
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2026-13-01")).toBe(false);
    expect(isLocalDate("25-11-2026")).toBe(false);
    expect(isLocalDate("")).toBe(false);
  });
});

describe("amsterdamToday", () => {
  it("gives the Dutch calendar day", () => {
    expect(amsterdamToday(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    expect(amsterdamToday(new Date("2025-06-30T21:59:00Z"))).toBe("2025-06-30");
  });
});
