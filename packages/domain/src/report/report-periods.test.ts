import { describe, expect, it } from "vitest";
import { countPeriodDays, lastCompleteTwoWeekPeriod, twoWeekPeriodOf } from "./report-periods";

describe("two-week report periods", () => {
  it("are fixed fortnights from Monday to Sunday", () => {
    expect(twoWeekPeriodOf({ date: "2024-01-01" })).toEqual({ from: "2024-01-01", to: "2024-01-14" });
    expect(twoWeekPeriodOf({ date: "2024-01-14" })).toEqual({ from: "2024-01-01", to: "2024-01-14" });
    expect(twoWeekPeriodOf({ date: "2024-01-15" })).toEqual({ from: "2024-01-15", to: "2024-01-28" });
    const period = twoWeekPeriodOf({ date: "2026-11-26" });
    expect(new Date(`${period.from}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(countPeriodDays(period)).toBe(14);
    expect(period.from <= "2026-11-26" && "2026-11-26" <= period.to).toBe(true);
  });

  it("takes the last fortnight that has ended as the report that is ready, across a year's end", () => {
    expect(lastCompleteTwoWeekPeriod({ today: "2024-01-15" })).toEqual({ from: "2024-01-01", to: "2024-01-14" });
    expect(lastCompleteTwoWeekPeriod({ today: "2024-01-14" })).toEqual({ from: "2023-12-18", to: "2023-12-31" });
  });
});
