import { describe, expect, it } from "vitest";
import { formatFigure, type GemeenteReport, isBelowNorm, reportToCsv } from "./report-view";

const figures = {
  meldingenReceived: 12,
  assessmentsFinished: "<5" as const,
  assessmentsInTimePercent: 85.7,
  triagesOverdue: "x" as const,
  investigationsFinished: 7,
  investigationsInTimePercent: 85.7,
  handoversOffered: 0,
  handoversAccepted: 0,
  handoversDeclined: 0,
  handoversReturned: 0,
  medianAcceptanceWorkingDays: 3.5,
  medianFirstContactWorkingDays: null,
  vvOpened: 0,
  vvClosed: 0,
  vvOpenAtEnd: 1234,
  waitingAtEnd: 6,
  longestWaitWorkingDays: 12,
};
const report: GemeenteReport = {
  period: { from: "2026-11-09", to: "2026-11-22" },
  scope: "municipality",
  norms: { assessmentsInTimePercent: 90, investigationsInTimePercent: 80 },
  rows: [
    { kind: "region", regionId: "r1", name: "Haarlem e.o.", figures, declineReasons: [], waitingByPriority: [] },
    { kind: "municipality", code: "GM0392", name: "=Haarlem", regionId: "r1", figures },
  ],
  continuityPeriods: [],
  bottlenecks: [],
  bottleneckPeriod: { from: "2026-11-09", to: "2026-11-22" },
};

describe("the report's figures on the page and in the CSV", () => {
  it("shows protected counts as they are, numbers the Dutch way, and no figure as a dash", () => {
    expect(formatFigure(figures, "meldingenReceived")).toBe("12");
    expect(formatFigure(figures, "assessmentsFinished")).toBe("<5");
    expect(formatFigure(figures, "triagesOverdue")).toBe("x");
    expect(formatFigure(figures, "assessmentsInTimePercent")).toBe("85,7%");
    expect(formatFigure(figures, "medianAcceptanceWorkingDays")).toBe("3,5");
    expect(formatFigure(figures, "medianFirstContactWorkingDays")).toBe("–");
    expect(formatFigure(figures, "vvOpenAtEnd")).toBe("1.234");
    expect(isBelowNorm(report, figures, "assessmentsInTimePercent")).toBe(true);
    expect(isBelowNorm(report, figures, "investigationsInTimePercent")).toBe(false);
  });

  it("writes semicolon CSV with a BOM, decimal commas, the region beside each gemeente and no formula", () => {
    const csv = reportToCsv(report);
    expect(csv.startsWith("\uFEFFSoort;Regio;Gemeentecode;Naam;Van;Tot en met;Meldingen ontvangen;")).toBe(true);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      "regio;Haarlem e.o.;;Haarlem e.o.;2026-11-09;2026-11-22;12;<5;85,7;x;7;85,7;0;0;0;0;3,5;;0;0;1234;6;12",
    );
    expect(lines[2]?.startsWith("gemeente;Haarlem e.o.;GM0392;'=Haarlem;")).toBe(true);
  });
});
