import { describe, expect, it } from "vitest";
import { nextContactText } from "./waiting-list-view";

describe("nextContactText", () => {
  it("says an overdue contact in words, with the working days missed", () => {
    expect(nextContactText({ nextContactDueOn: "2026-12-15", workingDaysLeft: -1, overdue: true })).toMatch(
      /^Contact te laat: .*15.*gemist \(1 werkdag over de termijn\)$/,
    );
  });

  it("says when the next contact is due", () => {
    expect(nextContactText({ nextContactDueOn: "2026-12-29", workingDaysLeft: 5, overdue: false })).toMatch(
      /29.*\(over 5 werkdagen\)$/,
    );
    expect(nextContactText({ nextContactDueOn: "2026-12-21", workingDaysLeft: 0, overdue: false })).toMatch(/vandaag$/);
  });
});
