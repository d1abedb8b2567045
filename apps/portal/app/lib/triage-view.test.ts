import { describe, expect, it } from "vitest";
import { amsterdamDateAndTime, workingDaysLeftText } from "./triage-view";

describe("workingDaysLeftText", () => {
  it("says in words how many working days are left, and when the term has passed", () => {
    expect(workingDaysLeftText(3)).toBe("3 werkdagen");
    expect(workingDaysLeftText(1)).toBe("1 werkdag");
    expect(workingDaysLeftText(0)).toBe("0 werkdagen: vandaag is de laatste dag");
    expect(workingDaysLeftText(-1)).toBe("Te laat: 1 werkdag over de termijn");
    expect(workingDaysLeftText(-4)).toBe("Te laat: 4 werkdagen over de termijn");
  });
});

describe("amsterdamDateAndTime", () => {
  it("shows the instant on Amsterdam's clock, summer and winter", () => {
    expect(amsterdamDateAndTime(new Date("2026-12-21T09:00:00Z"))).toEqual({ date: "2026-12-21", time: "10:00" });
    expect(amsterdamDateAndTime(new Date("2026-06-30T22:30:00Z"))).toEqual({ date: "2026-07-01", time: "00:30" });
  });
});
