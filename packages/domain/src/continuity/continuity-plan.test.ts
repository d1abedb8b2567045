import { describe, expect, it } from "vitest";
import {
  clipContinuityPeriod,
  continuityPlanStatus,
  continuityServiceNames,
  continuityServices,
  decideContinuityPlanEnd,
  findContinuityPlanProblems,
  hasReachedExpectedEnd,
  sortContinuityServices,
} from "./continuity-plan";

const summer = { startsOn: "2026-07-01", expectedEndOn: "2026-09-30", endedOn: null };

describe("continuity services", () => {
  it("keeps the seed's order of priority, crisisdienst first and monitoring last", () => {
    expect(continuityServices.map((service) => continuityServiceNames[service])).toEqual([
      "Crisisdienst",
      "Centrum Seksueel Geweld",
      "Bureaudienst",
      "Veiligheidsbeoordelingen",
      "Overdracht",
      "(Spoed)onderzoek",
      "Voorwaarden en Vervolg",
      "Monitoring",
    ]);
  });

  it("sorts a choice into that order, each service once", () => {
    expect(
      sortContinuityServices({ services: ["monitoring", "crisis_service", "duty_desk", "crisis_service"] }),
    ).toEqual(["crisis_service", "duty_desk", "monitoring"]);
  });
});

describe("findContinuityPlanProblems", () => {
  const base = {
    startsOn: "2026-12-01",
    expectedEndOn: "2027-01-31",
    services: ["crisis_service"] as const,
    today: "2026-11-26",
    existing: [],
  };

  it("accepts a future period with a service", () => {
    expect(findContinuityPlanProblems(base)).toEqual([]);
    expect(findContinuityPlanProblems({ ...base, startsOn: "2026-11-26" })).toEqual([]);
  });

  it("wants the end after the start, a start not in the past and at least one service", () => {
    const problems = findContinuityPlanProblems({
      ...base,
      startsOn: "2026-11-25",
      expectedEndOn: "2026-11-25",
      services: [],
    });
    expect(problems.map((p) => p.field)).toEqual(["startsOn", "expectedEndOn", "services"]);
    expect(problems[1]?.message).toBe("De verwachte einddatum moet na de startdatum liggen.");
  });

  it("refuses a period that overlaps another, also by a single day", () => {
    const next = { startsOn: "2027-01-31", expectedEndOn: "2027-03-01", endedOn: null };
    const existing = [next];
    const [problem] = findContinuityPlanProblems({ ...base, existing });
    expect(problem?.message).toContain("overlapt met het continuïteitsplan van 2027-01-31 tot en met 2027-03-01");
    expect(findContinuityPlanProblems({ ...base, existing: [{ ...next, startsOn: "2027-02-01" }] })).toEqual([]);
  });

  it("counts an early end, and ignores a plan called off before it began", () => {
    const endedEarly = { startsOn: "2026-11-01", expectedEndOn: "2027-03-01", endedOn: "2026-11-30" };
    expect(findContinuityPlanProblems({ ...base, existing: [endedEarly] })).toEqual([]);
    expect(findContinuityPlanProblems({ ...base, existing: [{ ...endedEarly, endedOn: "2026-12-01" }] })).toHaveLength(
      1,
    );
    const calledOff = { startsOn: "2026-12-10", expectedEndOn: "2027-01-10", endedOn: "2026-12-09" };
    expect(findContinuityPlanProblems({ ...base, existing: [calledOff] })).toEqual([]);
  });
});

describe("continuityPlanStatus", () => {
  it("is planned before the start, active through the expected end day, ended after it or once ended", () => {
    expect(continuityPlanStatus({ plan: summer, today: "2026-06-30" })).toBe("planned");
    expect(continuityPlanStatus({ plan: summer, today: "2026-07-01" })).toBe("active");
    expect(continuityPlanStatus({ plan: summer, today: "2026-09-30" })).toBe("active");
    expect(continuityPlanStatus({ plan: summer, today: "2026-10-01" })).toBe("ended");
    expect(continuityPlanStatus({ plan: { ...summer, endedOn: "2026-08-15" }, today: "2026-08-15" })).toBe("ended");
    expect(hasReachedExpectedEnd({ plan: summer, today: "2026-09-30" })).toBe(false);
    expect(hasReachedExpectedEnd({ plan: summer, today: "2026-10-01" })).toBe(true);
  });
});

describe("decideContinuityPlanEnd", () => {
  it("ends an active plan today", () => {
    expect(decideContinuityPlanEnd({ plan: summer, today: "2026-08-15" })).toEqual({ ok: true, endedOn: "2026-08-15" });
  });

  it("calls off a plan that has not begun: its period becomes empty", () => {
    expect(decideContinuityPlanEnd({ plan: summer, today: "2026-06-01" })).toEqual({ ok: true, endedOn: "2026-06-30" });
  });

  it("refuses to change a plan that has ended", () => {
    for (const plan of [{ ...summer, endedOn: "2026-08-15" }, summer]) {
      const verdict = decideContinuityPlanEnd({ plan, today: "2026-10-02" });
      expect(verdict).toEqual({
        ok: false,
        code: "CONFLICT",
        message: "Dit continuïteitsplan is al beëindigd en kan niet meer worden gewijzigd.",
      });
    }
  });
});

describe("clipContinuityPeriod", () => {
  it("gives the days of a report period inside the plan", () => {
    expect(clipContinuityPeriod({ plan: summer, from: "2026-09-21", to: "2026-10-04" })).toEqual({
      from: "2026-09-21",
      to: "2026-09-30",
    });
    expect(
      clipContinuityPeriod({ plan: { ...summer, endedOn: "2026-08-15" }, from: "2026-08-10", to: "2026-08-23" }),
    ).toEqual({
      from: "2026-08-10",
      to: "2026-08-15",
    });
    expect(clipContinuityPeriod({ plan: summer, from: "2026-10-01", to: "2026-10-14" })).toBeNull();
    expect(
      clipContinuityPeriod({ plan: { ...summer, endedOn: "2026-06-30" }, from: "2026-07-01", to: "2026-07-14" }),
    ).toBeNull();
  });
});
