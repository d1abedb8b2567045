import { describe, expect, it } from "vitest";
import { safetyAssessmentDueOn } from "../handover/deadlines";
import {
  canGiveMelderFeedback,
  derivePriority,
  investigationDueOn,
  investigationFinishRefusal,
  investigationStartRefusal,
  type PriorityFactors,
  workingDaysLeft,
} from "./melding";

const none: PriorityFactors = {
  urgent: false,
  childrenInHousehold: false,
  elderlyInHousehold: false,
  existingHelp: false,
};

describe("derivePriority", () => {
  it("makes spoed/acuut acute whatever else holds", () => {
    expect(derivePriority({ factors: { ...none, urgent: true } })).toBe("acute");
    expect(derivePriority({ factors: { ...none, urgent: true, existingHelp: true } })).toBe("acute");
  });

  it("puts children or elderly without hulpverlening first among the rest", () => {
    expect(derivePriority({ factors: { ...none, childrenInHousehold: true } })).toBe("high");
    expect(derivePriority({ factors: { ...none, elderlyInHousehold: true } })).toBe("high");
  });

  it("lowers the priority one step when hulpverlening is already involved", () => {
    expect(derivePriority({ factors: { ...none, childrenInHousehold: true, existingHelp: true } })).toBe("normal");
    expect(derivePriority({ factors: none })).toBe("normal");
    expect(derivePriority({ factors: { ...none, existingHelp: true } })).toBe("low");
  });
});

describe("assessment due date and working days left", () => {
  it("counts 5 working days over Koningsdag", () => {
    // Wednesday 22 April 2026; Monday 27 April is Koningsdag.
    const dueOn = safetyAssessmentDueOn({ reportedAt: new Date("2026-04-22T10:00:00Z") });
    expect(dueOn).toBe("2026-04-30");
    expect(workingDaysLeft({ dueOn, now: new Date("2026-04-22T10:00:00Z") })).toBe(5);
    expect(workingDaysLeft({ dueOn, now: new Date("2026-04-24T10:00:00Z") })).toBe(3);
    expect(workingDaysLeft({ dueOn, now: new Date("2026-04-30T10:00:00Z") })).toBe(0);
  });

  it("counts 5 working days over Christmas and goes negative when overdue", () => {
    // Tuesday 22 December 2026; 25 and 26 December are holidays, 1 January too.
    const dueOn = safetyAssessmentDueOn({ reportedAt: new Date("2026-12-22T09:00:00Z") });
    expect(dueOn).toBe("2026-12-30");
    expect(workingDaysLeft({ dueOn, now: new Date("2026-12-24T09:00:00Z") })).toBe(3);
    // Monday 4 January 2027: 30 and 31 December missed, 1 January is Nieuwjaarsdag.
    expect(workingDaysLeft({ dueOn, now: new Date("2027-01-04T09:00:00Z") })).toBe(-2);
  });

  it("takes the day from Amsterdam's clock", () => {
    // 21:30Z on 29 April is 23:30 there, 22:30Z is already 00:30 on the 30th, the due date.
    expect(workingDaysLeft({ dueOn: "2026-04-30", now: new Date("2026-04-29T21:30:00Z") })).toBe(1);
    expect(workingDaysLeft({ dueOn: "2026-04-30", now: new Date("2026-04-29T22:30:00Z") })).toBe(0);
  });
});

describe("investigationDueOn", () => {
  it("is ten calendar weeks after the start", () => {
    expect(investigationDueOn({ startedAt: new Date("2026-03-02T09:00:00Z") })).toBe("2026-05-11");
  });

  it("moves back to the working day before when the day is a holiday", () => {
    // Friday 16 October 2026 + 10 weeks = Eerste Kerstdag.
    expect(investigationDueOn({ startedAt: new Date("2026-10-16T09:00:00Z") })).toBe("2026-12-24");
  });
});

describe("melding rules", () => {
  it("gives feedback to a professional melder only", () => {
    expect(canGiveMelderFeedback({ melderKind: "professional" })).toBe(true);
    expect(canGiveMelderFeedback({ melderKind: "non_professional" })).toBe(false);
    expect(canGiveMelderFeedback({ melderKind: null })).toBe(false);
  });

  it("starts an investigation only after the assessment, once", () => {
    expect(investigationStartRefusal({ assessmentCompleted: false, investigationStarted: false })).toMatch(/eerst/);
    expect(investigationStartRefusal({ assessmentCompleted: true, investigationStarted: true })).toMatch(/al gestart/);
    expect(investigationStartRefusal({ assessmentCompleted: true, investigationStarted: false })).toBeNull();
    expect(investigationFinishRefusal({ investigationStarted: false, investigationFinished: false })).toMatch(/geen/);
    expect(investigationFinishRefusal({ investigationStarted: true, investigationFinished: false })).toBeNull();
  });
});
