import { describe, expect, it } from "vitest";
import { findReportNoticePeriod } from "./report-notice";

describe("findReportNoticePeriod", () => {
  it("is the fortnight that ended last Sunday, from the Monday after it", () => {
    // 2026-11-30 is a Monday that starts a fortnight (counted from 2024-01-01).
    expect(findReportNoticePeriod({ today: "2026-11-30", organisationCreatedOn: "2025-01-01" })).toEqual({
      from: "2026-11-16",
      to: "2026-11-29",
    });
    expect(findReportNoticePeriod({ today: "2026-12-13", organisationCreatedOn: "2025-01-01" })).toEqual({
      from: "2026-11-16",
      to: "2026-11-29",
    });
    expect(findReportNoticePeriod({ today: "2026-12-14", organisationCreatedOn: "2025-01-01" })).toEqual({
      from: "2026-11-30",
      to: "2026-12-13",
    });
  });

  it("never reaches back further than that one fortnight", () => {
    // Weeks after an outage: still only the last one.
    expect(findReportNoticePeriod({ today: "2027-01-20", organisationCreatedOn: "2025-01-01" })?.from).toBe(
      "2026-12-28",
    );
  });

  it("skips a fortnight that ended before the organisation existed, not one it saw the end of", () => {
    expect(findReportNoticePeriod({ today: "2026-11-30", organisationCreatedOn: "2026-11-30" })).toBeNull();
    expect(findReportNoticePeriod({ today: "2026-11-30", organisationCreatedOn: "2026-11-29" })).toEqual({
      from: "2026-11-16",
      to: "2026-11-29",
    });
  });
});
