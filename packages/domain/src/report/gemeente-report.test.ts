import { describe, expect, it } from "vitest";
import { type AssessmentFact, buildGemeenteReport, type HandoverFact, type ReportRow } from "./gemeente-report";

// Two weeks across Christmas and New Year: 25 December 2026 (Friday) and 1 January 2027 (Friday) are holidays.
const period = { from: "2026-12-21", to: "2027-01-03" };
const regions = [
  {
    id: "r-kennemerland",
    name: "Haarlem e.o.",
    municipalities: [
      { code: "GM0392", name: "Haarlem" },
      { code: "GM0453", name: "Velsen" },
      { code: "GM0473", name: "Zandvoort" },
    ],
  },
  { id: "r-meer", name: "Haarlemmermeer", municipalities: [{ code: "GM0394", name: "Haarlemmermeer" }] },
];

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const assessment = (code: string, fact: Partial<AssessmentFact>): AssessmentFact => ({
  municipalityCode: code,
  reportedOn: "2026-12-21",
  dueOn: "2026-12-29",
  completedOn: null,
  ...fact,
});
const handover = (code: string, fact: Partial<HandoverFact>): HandoverFact => ({
  municipalityCode: code,
  offeredOn: "2026-12-21",
  acceptedOn: null,
  firstContactOn: null,
  declinedOn: null,
  declineReasonCode: null,
  returnedOn: null,
  ...fact,
});

function row(rows: ReportRow[], key: string): ReportRow {
  const found = rows.find((r) => (r.kind === "region" ? r.regionId : r.code) === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

describe("the gemeente report", () => {
  const report = buildGemeenteReport({
    period,
    regions,
    facts: {
      assessments: [
        // Haarlem: 8 received in the period; 6 finished in it, 5 of them by their due date.
        ...times(5, () => assessment("GM0392", { completedOn: "2026-12-28" })),
        assessment("GM0392", { completedOn: "2026-12-30" }), // due 29 December: late
        // Received 24 December, due 5 working days later = 4 January (25 Dec, 1 Jan and weekends skipped):
        // still open on 3 January but not past its due date, so not overdue.
        assessment("GM0392", { reportedOn: "2026-12-24", dueOn: "2027-01-04" }),
        assessment("GM0392", { reportedOn: "2026-12-22", dueOn: "2026-12-30" }), // open and past due: overdue
        // Received before the period, finished in it: an assessment finished, not a melding received.
        assessment("GM0392", { reportedOn: "2026-12-10", dueOn: "2026-12-17", completedOn: "2026-12-21" }),
        // Finished after the period ended: open and overdue at its end.
        assessment("GM0392", { reportedOn: "2026-12-14", dueOn: "2026-12-21", completedOn: "2027-01-05" }),
        // Velsen: 2 received, both overdue at the end.
        ...times(2, () => assessment("GM0453", {})),
        // Zandvoort: 5 received and finished in time.
        ...times(5, () => assessment("GM0473", { completedOn: "2026-12-28" })),
        // Haarlemmermeer: received after the period: counts nowhere.
        assessment("GM0394", { reportedOn: "2027-01-04", dueOn: "2027-01-11" }),
      ],
      investigations: [
        // Haarlem: 6 finished in the period, 5 by their due date; one still open; one finished before the period.
        ...times(5, () => ({ municipalityCode: "GM0392", dueOn: "2026-12-31", finishedOn: "2026-12-30" })),
        { municipalityCode: "GM0392", dueOn: "2026-12-22", finishedOn: "2026-12-23" },
        { municipalityCode: "GM0392", dueOn: "2027-02-01", finishedOn: null },
        { municipalityCode: "GM0392", dueOn: "2026-12-01", finishedOn: "2026-11-30" },
      ],
      handovers: [
        // Offered Wednesday 23 December, accepted Tuesday 29 December: 24, 28 and 29 December = 3 working days.
        ...times(5, () => handover("GM0392", { offeredOn: "2026-12-23", acceptedOn: "2026-12-29" })),
        // Accepted 21 December after an offer on the 17th (18, 21 = 2); first contact 4 January is after the period.
        handover("GM0392", { offeredOn: "2026-12-17", acceptedOn: "2026-12-21", firstContactOn: "2027-01-04" }),
        ...times(3, (i) =>
          handover("GM0392", { declinedOn: "2026-12-22", declineReasonCode: i === 0 ? "capacity" : "not_in_area" }),
        ),
        ...times(6, () => handover("GM0453", { declinedOn: "2026-12-23", declineReasonCode: "capacity" })),
      ],
      waiting: [
        // Haarlem e.o.: 7 on the list on 3 January (5 high since 21 December, 2 low since the 28th); one left on the
        // 30th and one came after the period: neither counts.
        ...times(5, () => ({ municipalityCode: "GM0392", priority: "high", enteredOn: "2026-12-21", leftOn: null })),
        ...times(2, () => ({ municipalityCode: "GM0473", priority: "low", enteredOn: "2026-12-28", leftOn: null })),
        { municipalityCode: "GM0392", priority: "normal", enteredOn: "2026-12-01", leftOn: "2026-12-30" },
        { municipalityCode: "GM0392", priority: "normal", enteredOn: "2027-01-04", leftOn: null },
      ],
      vvTrajectories: [
        { municipalityCode: "GM0394", openedOn: "2026-11-02", closedOn: null },
        { municipalityCode: "GM0394", openedOn: "2026-12-22", closedOn: "2026-12-31" },
      ],
    },
  });

  it("counts meldingen, finished assessments, the share in time and the overdue triages by hand", () => {
    const haarlem = row(report.rows, "GM0392").figures;
    expect(haarlem.meldingenReceived).toBe(8);
    expect(haarlem.assessmentsFinished).toBe(7);
    // 5 on 28 December are in time; the one of the 30th and the one due 17 December finished on the 21st are not.
    expect(haarlem.assessmentsInTimePercent).toBe(71.4);
    expect(haarlem.investigationsFinished).toBe(6);
    expect(haarlem.investigationsInTimePercent).toBe(83.3); // against the 80% norm
    expect(haarlem.triagesOverdue).toBe("<5"); // 2: the one due on the 30th and the one finished after the period
    const region = row(report.rows, "r-kennemerland").figures;
    expect(region.meldingenReceived).toBe(15);
    expect(region.assessmentsFinished).toBe(12);
    expect(region.assessmentsInTimePercent).toBe(83.3); // 10 of 12
    expect(region.triagesOverdue).toBe("<5"); // Haarlem 2 and Velsen 2: two small cells, nothing more to hide
  });

  it("computes working days to acceptance across Christmas, and leaves out a median over fewer than five", () => {
    const haarlem = row(report.rows, "GM0392").figures;
    expect(haarlem.handoversOffered).toBe(8); // 5 on the 23rd and 3 declined ones on the 21st; the 17th is before
    expect(haarlem.handoversAccepted).toBe(6);
    expect(haarlem.medianAcceptanceWorkingDays).toBe(3);
    expect(haarlem.medianFirstContactWorkingDays).toBeNull();
  });

  it("shows small counts as <5 and hides the one that would follow from the region's total", () => {
    const velsen = row(report.rows, "GM0453").figures;
    const haarlem = row(report.rows, "GM0392").figures;
    const region = row(report.rows, "r-kennemerland");
    const zandvoort = row(report.rows, "GM0473").figures;
    // Velsen's 2 meldingen alone are small: Zandvoort's 5 (the smallest other) is hidden, or 15 - 8 - 5 would tell.
    expect(velsen.meldingenReceived).toBe("<5");
    expect(zandvoort.meldingenReceived).toBe("x");
    expect(haarlem.meldingenReceived).toBe(8);
    // Haarlem's 3 declines are small; the smallest other cell is Zandvoort's zero.
    expect(region.figures.handoversDeclined).toBe(9);
    expect(haarlem.handoversDeclined).toBe("<5");
    expect(zandvoort.handoversDeclined).toBe("x");
    expect(velsen.handoversDeclined).toBe(6);
    if (region.kind !== "region") throw new Error("region row expected");
    // One reason is small, so the other is hidden too: 9 declines minus 7 would give the 2.
    expect(region.declineReasons).toEqual([
      { code: "capacity", count: "x" },
      { code: "not_in_area", count: "<5" },
    ]);
  });

  it("counts the wachtlijst at the period's end, per priority for the region, and the longest wait in working days", () => {
    const region = row(report.rows, "r-kennemerland");
    expect(region.figures.waitingAtEnd).toBe(7);
    // 21 December to 3 January: 22, 23, 24, 28, 29, 30, 31 December = 7 working days (Christmas, New Year, weekends).
    expect(region.figures.longestWaitWorkingDays).toBe(7);
    if (region.kind !== "region") throw new Error("region row expected");
    // Normal is zero and shown; low's 2 is the one small cell, so the smallest other shown cell (normal's 0) is hidden.
    expect(region.waitingByPriority).toEqual([
      { priority: "high", count: 5 },
      { priority: "normal", count: "x" },
      { priority: "low", count: "<5" },
    ]);
    expect(row(report.rows, "GM0392").figures.waitingAtEnd).toBe(5);
    expect(row(report.rows, "GM0392").figures.longestWaitWorkingDays).toBe(7);
    expect(row(report.rows, "GM0473").figures.longestWaitWorkingDays).toBeNull();
  });

  it("keeps V&V open at the end apart from those opened and closed in the period", () => {
    const meer = row(report.rows, "GM0394").figures;
    expect(meer.vvOpened).toBe("<5");
    expect(meer.vvClosed).toBe("<5");
    expect(meer.vvOpenAtEnd).toBe("<5");
    expect(meer.meldingenReceived).toBe(0);
  });
});
