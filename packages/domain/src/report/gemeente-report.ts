import { countWorkingDaysBetween, type LocalDate } from "../working-days";
import { protectCountGroup, type ShownCount, SMALL_COUNT_THRESHOLD, showMedian, showShare } from "./small-counts";

/**
 * The gemeente report (werkvoorraad en doorlooptijden per gemeente and region, issue 8): counts over a period of
 * Amsterdam dates, both ends included. The facts carry dates and a gemeente, never a case or a person; the database
 * hands them over (kp_report_facts) and this module does all the counting, so the figures can be checked by hand.
 */
export type ReportPeriod = { from: LocalDate; to: LocalDate };

export type ReportRegion = {
  id: string;
  name: string;
  municipalities: readonly { code: string; name: string }[];
};

export type AssessmentFact = {
  municipalityCode: string;
  reportedOn: LocalDate;
  dueOn: LocalDate;
  completedOn: LocalDate | null;
};
export type HandoverFact = {
  municipalityCode: string;
  offeredOn: LocalDate;
  acceptedOn: LocalDate | null;
  firstContactOn: LocalDate | null;
  declinedOn: LocalDate | null;
  declineReasonCode: string | null;
  returnedOn: LocalDate | null;
};
export type VvFact = { municipalityCode: string; openedOn: LocalDate; closedOn: LocalDate | null };
/** An onderzoek: due 10 weeks after it started (melding.ts). */
export type InvestigationFact = { municipalityCode: string; dueOn: LocalDate; finishedOn: LocalDate | null };
/** A stay on the wachtlijst (priority high, normal or low: acute cases never wait). */
export type WaitingFact = {
  municipalityCode: string;
  priority: string;
  enteredOn: LocalDate;
  leftOn: LocalDate | null;
};
export const WAITING_PRIORITIES = ["high", "normal", "low"] as const;
export type ReportFacts = {
  assessments: readonly AssessmentFact[];
  waiting: readonly WaitingFact[];
  investigations: readonly InvestigationFact[];
  handovers: readonly HandoverFact[];
  vvTrajectories: readonly VvFact[];
};

/** The safety assessment norm: 90% within 5 working days (Kwaliteitskader Veilig Thuis). */
export const ASSESSMENT_NORM_PERCENT = 90;
/** The investigation norm: 80% within 10 weeks (issue 8, after the Kwaliteitskader). */
export const INVESTIGATION_NORM_PERCENT = 80;

type RawFigures = {
  meldingenReceived: number;
  assessmentsFinished: number;
  assessmentsFinishedInTime: number;
  triagesOverdue: number;
  investigationsFinished: number;
  investigationsFinishedInTime: number;
  handoversOffered: number;
  handoversAccepted: number;
  handoversDeclined: number;
  handoversReturned: number;
  declineReasons: Map<string, number>;
  acceptanceWorkingDays: number[];
  firstContactWorkingDays: number[];
  vvOpened: number;
  vvClosed: number;
  vvOpenAtEnd: number;
  waitingAtEnd: number;
  waitingByPriority: Map<string, number>;
  /** Working days each household on the list at the period's end had waited by then. */
  waitingWorkingDays: number[];
};

export const REPORT_COUNTS = [
  "meldingenReceived",
  "assessmentsFinished",
  "triagesOverdue",
  "investigationsFinished",
  "handoversOffered",
  "handoversAccepted",
  "handoversDeclined",
  "handoversReturned",
  "vvOpened",
  "vvClosed",
  "vvOpenAtEnd",
  "waitingAtEnd",
] as const;
export type ReportCount = (typeof REPORT_COUNTS)[number];

export type ShownFigures = Record<ReportCount, ShownCount> & {
  /** Share of finished assessments within their due date, in percent with one decimal; null under five. */
  assessmentsInTimePercent: number | null;
  /** Share of finished investigations within 10 weeks; null under five. */
  investigationsInTimePercent: number | null;
  medianAcceptanceWorkingDays: number | null;
  medianFirstContactWorkingDays: number | null;
  /** The longest wait in working days of those on the list at the end; null under five on the list. */
  longestWaitWorkingDays: number | null;
};

export type ReportRow =
  | { kind: "municipality"; code: string; name: string; regionId: string; figures: ShownFigures }
  | {
      kind: "region";
      regionId: string;
      name: string;
      figures: ShownFigures;
      declineReasons: { code: string; count: ShownCount }[];
      /** On the list at the end, per priority; like the decline reasons, per region only (decision 014). */
      waitingByPriority: { priority: string; count: ShownCount }[];
    };

export type GemeenteReport = { period: ReportPeriod; rows: ReportRow[] };

const within = (date: LocalDate | null, period: ReportPeriod): date is LocalDate =>
  date !== null && date >= period.from && date <= period.to;

function emptyFigures(): RawFigures {
  return {
    meldingenReceived: 0,
    assessmentsFinished: 0,
    assessmentsFinishedInTime: 0,
    triagesOverdue: 0,
    investigationsFinished: 0,
    investigationsFinishedInTime: 0,
    handoversOffered: 0,
    handoversAccepted: 0,
    handoversDeclined: 0,
    handoversReturned: 0,
    declineReasons: new Map(),
    acceptanceWorkingDays: [],
    firstContactWorkingDays: [],
    vvOpened: 0,
    vvClosed: 0,
    vvOpenAtEnd: 0,
    waitingAtEnd: 0,
    waitingByPriority: new Map(WAITING_PRIORITIES.map((priority) => [priority, 0])),
    waitingWorkingDays: [],
  };
}

function addFacts(figures: RawFigures, facts: ReportFacts, period: ReportPeriod): void {
  for (const a of facts.assessments) {
    if (within(a.reportedOn, period)) figures.meldingenReceived++;
    if (within(a.completedOn, period)) {
      figures.assessmentsFinished++;
      if (a.completedOn <= a.dueOn) figures.assessmentsFinishedInTime++;
    }
    // Still waiting for its assessment when the period ends, and past the 5 working days by then.
    const openAtEnd = a.reportedOn <= period.to && (a.completedOn === null || a.completedOn > period.to);
    if (openAtEnd && a.dueOn < period.to) figures.triagesOverdue++;
  }
  for (const i of facts.investigations) {
    if (within(i.finishedOn, period)) {
      figures.investigationsFinished++;
      if (i.finishedOn <= i.dueOn) figures.investigationsFinishedInTime++;
    }
  }
  for (const h of facts.handovers) {
    if (within(h.offeredOn, period)) figures.handoversOffered++;
    if (within(h.acceptedOn, period)) {
      figures.handoversAccepted++;
      figures.acceptanceWorkingDays.push(countWorkingDaysBetween({ from: h.offeredOn, to: h.acceptedOn }));
    }
    if (within(h.firstContactOn, period) && h.acceptedOn) {
      figures.firstContactWorkingDays.push(countWorkingDaysBetween({ from: h.acceptedOn, to: h.firstContactOn }));
    }
    if (within(h.declinedOn, period)) {
      figures.handoversDeclined++;
      const code = h.declineReasonCode ?? "other";
      figures.declineReasons.set(code, (figures.declineReasons.get(code) ?? 0) + 1);
    }
    if (within(h.returnedOn, period)) figures.handoversReturned++;
  }
  for (const w of facts.waiting) {
    if (w.enteredOn <= period.to && (w.leftOn === null || w.leftOn > period.to)) {
      figures.waitingAtEnd++;
      figures.waitingByPriority.set(w.priority, (figures.waitingByPriority.get(w.priority) ?? 0) + 1);
      figures.waitingWorkingDays.push(countWorkingDaysBetween({ from: w.enteredOn, to: period.to }));
    }
  }
  for (const v of facts.vvTrajectories) {
    if (within(v.openedOn, period)) figures.vvOpened++;
    if (within(v.closedOn, period)) figures.vvClosed++;
    if (v.openedOn <= period.to && (v.closedOn === null || v.closedOn > period.to)) figures.vvOpenAtEnd++;
  }
}

function factsOf(facts: ReportFacts, codes: ReadonlySet<string>): ReportFacts {
  return {
    assessments: facts.assessments.filter((f) => codes.has(f.municipalityCode)),
    investigations: facts.investigations.filter((f) => codes.has(f.municipalityCode)),
    handovers: facts.handovers.filter((f) => codes.has(f.municipalityCode)),
    vvTrajectories: facts.vvTrajectories.filter((f) => codes.has(f.municipalityCode)),
    waiting: facts.waiting.filter((f) => codes.has(f.municipalityCode)),
  };
}

function shownFigures(raw: RawFigures, counts: Record<ReportCount, ShownCount>): ShownFigures {
  return {
    ...counts,
    assessmentsInTimePercent: showShare({ part: raw.assessmentsFinishedInTime, whole: raw.assessmentsFinished }),
    investigationsInTimePercent: showShare({
      part: raw.investigationsFinishedInTime,
      whole: raw.investigationsFinished,
    }),
    medianAcceptanceWorkingDays: showMedian({ values: raw.acceptanceWorkingDays }),
    medianFirstContactWorkingDays: showMedian({ values: raw.firstContactWorkingDays }),
    longestWaitWorkingDays:
      raw.waitingWorkingDays.length >= SMALL_COUNT_THRESHOLD ? Math.max(...raw.waitingWorkingDays) : null,
  };
}

/**
 * Every gemeente of every region and each region's total, protected as a whole (small-counts.ts): who may see which
 * rows is decided afterwards, so a gemeente that sees its own row and its region's cannot work out a neighbour's.
 */
export function buildGemeenteReport(options: {
  period: ReportPeriod;
  regions: readonly ReportRegion[];
  facts: ReportFacts;
}): GemeenteReport {
  const { period, regions, facts } = options;
  const rows: ReportRow[] = [];
  for (const region of regions) {
    const perMunicipality = region.municipalities.map((m) => {
      const raw = emptyFigures();
      addFacts(raw, factsOf(facts, new Set([m.code])), period);
      return { municipality: m, raw };
    });
    const regionRaw = emptyFigures();
    addFacts(regionRaw, factsOf(facts, new Set(region.municipalities.map((m) => m.code))), period);

    const municipalityCounts = perMunicipality.map(() => ({}) as Record<ReportCount, ShownCount>);
    const regionCounts = {} as Record<ReportCount, ShownCount>;
    for (const count of REPORT_COUNTS) {
      const group = protectCountGroup({
        cells: new Map(perMunicipality.map(({ municipality, raw }) => [municipality.code, raw[count]])),
        total: regionRaw[count],
      });
      perMunicipality.forEach(({ municipality }, index) => {
        (municipalityCounts[index] as Record<ReportCount, ShownCount>)[count] = group.cells.get(municipality.code) ?? 0;
      });
      regionCounts[count] = group.total;
    }
    const reasons = protectCountGroup({
      cells: new Map([...regionRaw.declineReasons].sort(([a], [b]) => a.localeCompare(b))),
      total: regionRaw.handoversDeclined,
    });
    const byPriority = protectCountGroup({ cells: regionRaw.waitingByPriority, total: regionRaw.waitingAtEnd });
    rows.push({
      kind: "region",
      regionId: region.id,
      name: region.name,
      figures: shownFigures(regionRaw, regionCounts),
      declineReasons: [...reasons.cells].map(([code, count]) => ({ code, count })),
      waitingByPriority: [...byPriority.cells].map(([priority, count]) => ({ priority, count })),
    });
    perMunicipality.forEach(({ municipality, raw }, index) => {
      rows.push({
        kind: "municipality",
        code: municipality.code,
        name: municipality.name,
        regionId: region.id,
        figures: shownFigures(raw, municipalityCounts[index] as Record<ReportCount, ShownCount>),
      });
    });
  }
  return { period, rows };
}
