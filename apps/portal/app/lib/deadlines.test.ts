import { describe, expect, it } from "vitest";
import { describeDeadline, describeWorkingDaysLeft } from "./deadlines";

describe("describeWorkingDaysLeft", () => {
  it.each([
    [5, "nog 5 werkdagen"],
    [2, "nog 2 werkdagen"],
    [1, "nog 1 werkdag"],
    [0, "vandaag"],
    [-1, "1 werkdag te laat"],
    [-3, "3 werkdagen te laat"],
  ])("says %i working days left as %s", (workingDaysLeft, text) => {
    expect(describeWorkingDaysLeft({ workingDaysLeft, overdue: workingDaysLeft < 0 })).toBe(text);
  });

  it("never calls an overdue deadline 'vandaag'", () => {
    expect(describeWorkingDaysLeft({ workingDaysLeft: 0, overdue: true })).toBe("te laat");
  });
});

describe("describeDeadline", () => {
  it("names the deadline, its date and the working days left", () => {
    expect(describeDeadline({ kind: "acceptance", dueOn: "2026-11-27", workingDaysLeft: 2 }, false)).toBe(
      "Reactie uiterlijk 27 november 2026 (nog 2 werkdagen)",
    );
    expect(describeDeadline({ kind: "first_contact", dueOn: "2026-11-20", workingDaysLeft: -3 }, true)).toBe(
      "Eerste contact uiterlijk 20 november 2026 (3 werkdagen te laat)",
    );
  });
});
