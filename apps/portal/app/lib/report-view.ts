import type { AppLoadContext } from "@remix-run/node";
import { nl } from "../messages/nl";
import { formatLocalDate } from "./format";

export type GemeenteReport = Awaited<ReturnType<AppLoadContext["api"]["report"]["gemeente"]>>;
export type GemeenteReportTrend = Awaited<ReturnType<AppLoadContext["api"]["report"]["trend"]>>;
export type ReportRow = GemeenteReport["rows"][number];
type Figures = ReportRow["figures"];
type ShownCount = Figures["meldingenReceived"];

const m = nl.reports;
const number = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });

export const ASSESSMENT_COLUMNS = [
  "meldingenReceived",
  "assessmentsFinished",
  "assessmentsInTimePercent",
  "triagesOverdue",
  "investigationsFinished",
  "investigationsInTimePercent",
] as const;
export const HANDOVER_COLUMNS = [
  "handoversOffered",
  "handoversAccepted",
  "handoversDeclined",
  "handoversReturned",
  "medianAcceptanceWorkingDays",
  "medianFirstContactWorkingDays",
  "vvOpened",
  "vvClosed",
  "vvOpenAtEnd",
] as const;
export const WAITING_COLUMNS = ["waitingAtEnd", "longestWaitWorkingDays"] as const;
export type ReportColumn =
  | (typeof ASSESSMENT_COLUMNS)[number]
  | (typeof HANDOVER_COLUMNS)[number]
  | (typeof WAITING_COLUMNS)[number];

/** "<5" and "x" as they are (the legend explains them), numbers the Dutch way, no figure as "–". */
export function formatFigure(figures: Figures, column: ReportColumn): string {
  const value = figures[column];
  if (value === null) return "–";
  if (typeof value === "string") return value;
  if (column === "assessmentsInTimePercent" || column === "investigationsInTimePercent") {
    return `${number.format(value)}%`;
  }
  return number.format(value);
}

export type NormColumn = keyof GemeenteReport["norms"];

export function isNormColumn(column: ReportColumn): column is NormColumn {
  return column === "assessmentsInTimePercent" || column === "investigationsInTimePercent";
}

export function isBelowNorm(report: Pick<GemeenteReport, "norms">, figures: Figures, column: NormColumn): boolean {
  const share = figures[column];
  return share !== null && share < report.norms[column];
}

export function rowLabel(row: ReportRow): string {
  return row.kind === "region" ? m.regionRow(row.name) : row.name;
}

/** Regions first, each followed by its gemeenten, as the API sends them. */
export function periodLabel(period: { from: string; to: string }): string {
  return m.periodShown(formatLocalDate(period.from), formatLocalDate(period.to));
}

export function declineReasonLabel(code: string): string {
  return (nl.declineReasons as Record<string, string>)[code] ?? code;
}

function csvCell(value: string | number): string {
  const text = String(value);
  // Spreadsheet programs run a cell that starts with = + - @ as a formula; names come from beheer, so guard them.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[";\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvCount(value: ShownCount | number | null): string {
  if (value === null) return "";
  return typeof value === "number" ? String(value).replace(".", ",") : value;
}

/**
 * The report as CSV the way Dutch spreadsheet programs open it: semicolons, decimal commas, UTF-8 with a BOM.
 * Same figures and the same protection as the page: "<5" and "x" stay what they are.
 */
export function reportToCsv(report: GemeenteReport): string {
  const columns = [...ASSESSMENT_COLUMNS, ...HANDOVER_COLUMNS, ...WAITING_COLUMNS];
  const regionNames = new Map(report.rows.flatMap((row) => (row.kind === "region" ? [[row.regionId, row.name]] : [])));
  const header = [
    m.csvHeaders.kind,
    m.csvHeaders.region,
    m.csvHeaders.code,
    m.csvHeaders.name,
    m.csvHeaders.from,
    m.csvHeaders.to,
    ...columns.map((column) => m.columns[column]),
  ];
  const lines = report.rows.map((row) => [
    m.csvKinds[row.kind],
    row.kind === "region" ? row.name : (regionNames.get(row.regionId) ?? ""),
    row.kind === "municipality" ? row.code : "",
    row.name,
    report.period.from,
    report.period.to,
    ...columns.map((column) => csvCount(row.figures[column])),
  ]);
  return `\uFEFF${[header, ...lines].map((line) => line.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
