import { describe, expect, it } from "vitest";
import {
  acceptanceDueOn,
  DEFAULT_ACCEPTANCE_DAYS,
  DEFAULT_FIRST_CONTACT_DAYS,
  firstContactDueOn,
  reminderOn,
  SAFETY_ASSESSMENT_DAYS,
  safetyAssessmentDueOn,
} from "./deadlines";

describe("handover deadlines", () => {
  it("uses the agreed default terms", () => {
    expect([SAFETY_ASSESSMENT_DAYS, DEFAULT_ACCEPTANCE_DAYS, DEFAULT_FIRST_CONTACT_DAYS]).toEqual([5, 3, 10]);
  });

  it("counts the safety assessment from the melding's Amsterdam date", () => {
    // 23:30 on Thursday 2 April 2026 in Amsterdam: Goede Vrijdag counts, Tweede Paasdag does not.
    expect(safetyAssessmentDueOn({ reportedAt: new Date("2026-04-02T21:30:00Z") })).toBe("2026-04-10");
    // Half an hour later it is Goede Vrijdag in Amsterdam, although still Thursday in UTC.
    expect(safetyAssessmentDueOn({ reportedAt: new Date("2026-04-02T22:30:00Z") })).toBe("2026-04-13");
  });

  it("gives an offer on Friday, or on the Saturday after, until Wednesday to be accepted", () => {
    expect(acceptanceDueOn({ offeredAt: new Date("2026-01-09T15:00:00Z"), acceptanceDays: 3 })).toBe("2026-01-14");
    expect(acceptanceDueOn({ offeredAt: new Date("2026-01-10T09:00:00Z"), acceptanceDays: 3 })).toBe("2026-01-14");
  });

  it("honours a region's own acceptance term", () => {
    expect(acceptanceDueOn({ offeredAt: new Date("2026-01-05T09:00:00Z"), acceptanceDays: 5 })).toBe("2026-01-12");
  });

  it("counts first contact from the acceptance, over Koningsdag", () => {
    expect(firstContactDueOn({ acceptedAt: new Date("2026-04-22T08:00:00Z"), firstContactDays: 10 })).toBe(
      "2026-05-07",
    );
  });

  it("reminds one working day before the due date", () => {
    expect(reminderOn({ dueOn: "2026-01-14" })).toBe("2026-01-13");
    expect(reminderOn({ dueOn: "2026-01-12" })).toBe("2026-01-09");
    expect(reminderOn({ dueOn: "2026-04-28" })).toBe("2026-04-24");
  });
});
