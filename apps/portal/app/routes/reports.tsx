import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { Alert } from "../components/alert";
import { AppLink } from "../components/app-link";
import { ErrorSummary } from "../components/error-summary";
import { PrintButton } from "../components/print-button";
import { BarChart, LineChart } from "../components/report-charts";
import { TextField } from "../components/text-field";
import { TextareaField } from "../components/textarea-field";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { textOf } from "../lib/form-data";
import { formatDateTime, formatLocalDate } from "../lib/format";
import { isId } from "../lib/ids";
import { noticeOf } from "../lib/notices";
import {
  ASSESSMENT_COLUMNS,
  declineReasonLabel,
  formatFigure,
  type GemeenteReport,
  type GemeenteReportTrend,
  HANDOVER_COLUMNS,
  isBelowNorm,
  isNormColumn,
  periodLabel,
  type ReportColumn,
  type ReportRow,
  rowLabel,
  WAITING_COLUMNS,
} from "../lib/report-view";
import { nl, pageTitle } from "../messages/nl";
import { requireUser } from "../session.server";
import collaborationCss from "../styles/collaboration.css?url";

const m = nl.reports;
const continuityServiceLabel = (code: string) => (nl.continuityPlan.services as Record<string, string>)[code] ?? code;
export const REPORT_PATH = "/rapportages";
const PRINT_PARAM = "afdrukken";
const TREND_PERIODS = 6;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: collaborationCss }];
export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** `van` and `tot` are dates only; the API checks them and says in Dutch what is wrong. */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  const params = new URL(args.request.url).searchParams;
  const from = params.get("van")?.trim() || undefined;
  const to = params.get("tot")?.trim() || undefined;
  const printView = params.has(PRINT_PARAM);
  let result = await tryApi(args, (api) => api.report.gemeente({ from, to }), m.title);
  const fieldErrors = result.ok ? [] : result.refusal.fieldErrors;
  // A period the API refused: say why at the fields, and show the last two weeks meanwhile.
  if (!result.ok) result = await tryApi(args, (api) => api.report.gemeente({}), m.title);
  if (!result.ok) throw new Response(null, { status: 400 });
  const trend = await tryApi(args, (api) => api.report.trend({ periods: TREND_PERIODS }), m.title);
  return {
    report: result.value,
    trend: trend.ok ? trend.value : null,
    values: { van: from ?? "", tot: to ?? "" },
    errors: fieldErrors.map((error) => ({
      message: error.message,
      fieldId: error.path === "to" ? "field-tot" : "field-van",
    })),
    printView,
    // Only a convenience: the API decides who writes knelpunten.
    canWriteBottlenecks: user.roles.includes("team_coordinator"),
    notice: noticeOf(args.request),
  };
}

type ActionResult = { regionId: string; text: string; error?: string; conflict?: string };

/** Saves a region's knelpunten and comes back to the same period (Post/Redirect/Get). */
export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const formData = await args.request.formData();
  const regionId = textOf(formData, "regionId");
  const text = textOf(formData, "text");
  const date = textOf(formData, "date");
  const versionText = textOf(formData, "version");
  const version = versionText ? Number(versionText) : undefined;
  if (!isId(regionId) || (version !== undefined && !(Number.isInteger(version) && version > 0))) {
    return data<ActionResult>({ regionId, text, conflict: m.bottleneckInvalid }, { status: 400 });
  }
  const done = await tryApi(
    args,
    (api) => api.report.saveBottleneck({ regionId, date, text, ...(version ? { version } : {}) }),
    m.bottleneckInvalid,
  );
  if (!done.ok) {
    const error = done.refusal.fieldErrors.find((e) => e.path === "text")?.message;
    return data<ActionResult>(error ? { regionId, text, error } : { regionId, text, conflict: done.refusal.message }, {
      status: done.refusal.code === "CONFLICT" ? 409 : 400,
    });
  }
  const query = new URLSearchParams({
    van: textOf(formData, "van"),
    tot: textOf(formData, "tot"),
    gelukt: "knelpunt-opgeslagen",
  });
  throw redirect(`${REPORT_PATH}?${query}#knelpunten`);
}

function Bottlenecks({
  report,
  canWrite,
  result,
}: {
  report: GemeenteReport;
  canWrite: boolean;
  result: ActionResult | undefined;
}) {
  const regions = report.rows.filter((row) => row.kind === "region");
  const writable = report.bottleneckPeriod;
  return (
    <section aria-labelledby="knelpunten" className="kp-bottlenecks">
      <h2 id="knelpunten" className="utrecht-heading-2">
        {m.bottlenecksHeading}
      </h2>
      <Paragraph>{m.bottlenecksIntro}</Paragraph>
      {regions.map((region) => {
        const written = report.bottlenecks.filter((b) => b.regionId === region.regionId);
        const current = written.find((b) => b.periodFrom === writable.from);
        const mine = result?.regionId === region.regionId ? result : undefined;
        return (
          <section key={region.regionId} aria-labelledby={`knelpunten-${region.regionId}`}>
            <h3 id={`knelpunten-${region.regionId}`} className="utrecht-heading-3">
              {region.name}
            </h3>
            {written.length === 0 ? <Paragraph>{m.noBottlenecks}</Paragraph> : null}
            {written.map((bottleneck) => (
              <blockquote key={bottleneck.id} className="kp-bottleneck">
                <Paragraph className="kp-bottleneck__text">{bottleneck.text}</Paragraph>
                <Paragraph className="kp-bottleneck__meta">
                  {m.bottleneckMeta(
                    formatLocalDate(bottleneck.periodFrom),
                    formatLocalDate(bottleneck.periodTo),
                    bottleneck.writtenBy,
                    formatDateTime(new Date(bottleneck.writtenAt)),
                  )}
                </Paragraph>
              </blockquote>
            ))}
            {canWrite ? (
              <Form method="post" className="kp-no-print">
                <input type="hidden" name="regionId" value={region.regionId} />
                <input type="hidden" name="date" value={writable.from} />
                <input type="hidden" name="van" value={report.period.from} />
                <input type="hidden" name="tot" value={report.period.to} />
                {current ? <input type="hidden" name="version" value={current.version} /> : null}
                <TextareaField
                  name="text"
                  id={`field-text-${region.regionId}`}
                  label={m.bottleneckLabel(region.name, formatLocalDate(writable.from), formatLocalDate(writable.to))}
                  description={m.bottleneckDescription}
                  defaultValue={mine?.text ?? current?.text ?? ""}
                  error={mine?.error}
                  rows={4}
                />
                <Button type="submit" appearance="secondary-action-button">
                  {m.saveBottleneck}
                </Button>
              </Form>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}

function FiguresTable({
  report,
  caption,
  columns,
}: {
  report: GemeenteReport;
  caption: string;
  columns: readonly ReportColumn[];
}) {
  // Wide: on a narrow screen it scrolls sideways, so keyboard users must be able to focus and scroll it too.
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="kp-table-scroll" tabIndex={0} aria-label={caption}>
      <table className="utrecht-table kp-table kp-report-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {m.area}
            </th>
            {columns.map((column) => (
              <th key={column} scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                {m.columns[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {report.rows.map((row) => (
            <tr
              key={row.kind === "region" ? row.regionId : row.code}
              className={`utrecht-table__row${row.kind === "region" ? " kp-report-table__region" : ""}`}
            >
              <th scope="row" className="utrecht-table__header-cell">
                {rowLabel(row)}
              </th>
              {columns.map((column) => (
                <td key={column} className="utrecht-table__cell utrecht-table__cell--numeric">
                  {formatFigure(row.figures, column)}
                  {isNormColumn(column) && isBelowNorm(report, row.figures, column) ? (
                    <span className="kp-overdue"> ({m.belowNorm})</span>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DeclineReasons({ row }: { row: Extract<ReportRow, { kind: "region" }> }) {
  const caption = m.declineReasonsTable(row.name);
  if (row.declineReasons.length === 0) {
    return (
      <Paragraph>
        {caption}: {m.noDeclines}
      </Paragraph>
    );
  }
  return (
    <table className="utrecht-table kp-table">
      <caption className="utrecht-table__caption">{caption}</caption>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className="utrecht-table__header-cell">
            {m.reason}
          </th>
          <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
            {m.count}
          </th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {row.declineReasons.map((reason) => (
          <tr key={reason.code} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell">
              {declineReasonLabel(reason.code)}
            </th>
            <td className="utrecht-table__cell utrecht-table__cell--numeric">{reason.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WaitingByPriority({ row }: { row: Extract<ReportRow, { kind: "region" }> }) {
  return (
    <table className="utrecht-table kp-table">
      <caption className="utrecht-table__caption">{m.waitingByPriorityTable(row.name)}</caption>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className="utrecht-table__header-cell">
            {m.priority}
          </th>
          <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
            {m.count}
          </th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {row.waitingByPriority.map((entry) => (
          <tr key={entry.priority} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell">
              {(nl.priorities as Record<string, string>)[entry.priority] ?? entry.priority}
            </th>
            <td className="utrecht-table__cell utrecht-table__cell--numeric">{entry.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The trend chart's own figures, as a table: periods down, regions across; protected counts as they are. */
function TrendChart({
  trend,
  figure,
  title,
  description,
}: {
  trend: GemeenteReportTrend;
  figure: "triagesOverdue" | "waitingAtEnd";
  title: string;
  description: string;
}) {
  const regions = (trend.periods.at(-1)?.rows ?? []).filter((row) => row.kind === "region");
  const categories = trend.periods.map((p) => formatLocalDate(p.period.to).replace(/ \d{4}$/, ""));
  const countAt = (period: GemeenteReportTrend["periods"][number], regionId: string) =>
    period.rows.find((row) => row.kind === "region" && row.regionId === regionId)?.figures[figure] ?? 0;
  return (
    <>
      <LineChart
        title={title}
        description={description}
        categories={categories}
        yLabel={m.count}
        series={regions.map((region) => ({
          name: region.name,
          values: trend.periods.map((period) => {
            const value = countAt(period, region.regionId);
            return typeof value === "number" ? value : null;
          }),
        }))}
      />
      <div className="kp-table-scroll">
        <table className="utrecht-table kp-table">
          <caption className="utrecht-table__caption">{m.chartTableCaption(title)}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {m.periodColumn}
              </th>
              {regions.map((region) => (
                <th
                  key={region.regionId}
                  scope="col"
                  className="utrecht-table__header-cell utrecht-table__header-cell--numeric"
                >
                  {region.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {trend.periods.map((period) => (
              <tr key={period.period.to} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {formatLocalDate(period.period.to)}
                  {period.inContinuityPlan ? ` ${m.continuityMark}` : null}
                </th>
                {regions.map((region) => (
                  <td key={region.regionId} className="utrecht-table__cell utrecht-table__cell--numeric">
                    {countAt(period, region.regionId)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function LeadTimeChart({ report }: { report: GemeenteReport }) {
  const regions = report.rows.filter((row) => row.kind === "region");
  return (
    <>
      <BarChart
        title={m.leadTimeTitle}
        description={m.leadTimeDescription}
        groups={regions.map((region) => region.name)}
        valueLabel={m.workingDays}
        series={[
          { name: m.toAcceptance, values: regions.map((r) => r.figures.medianAcceptanceWorkingDays) },
          { name: m.toFirstContact, values: regions.map((r) => r.figures.medianFirstContactWorkingDays) },
        ]}
      />
      <div className="kp-table-scroll">
        <table className="utrecht-table kp-table">
          <caption className="utrecht-table__caption">{m.chartTableCaption(m.leadTimeTitle)}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {m.area}
              </th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                {m.columns.medianAcceptanceWorkingDays}
              </th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                {m.columns.medianFirstContactWorkingDays}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {regions.map((region) => (
              <tr key={region.regionId} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {region.name}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">
                  {formatFigure(region.figures, "medianAcceptanceWorkingDays")}
                </td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">
                  {formatFigure(region.figures, "medianFirstContactWorkingDays")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export default function ReportsRoute() {
  const { report, trend, values, errors, printView, canWriteBottlenecks, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const query = `van=${report.period.from}&tot=${report.period.to}`;
  return (
    <div className={printView ? "kp-report kp-print-view" : "kp-report"}>
      {printView ? (
        <Paragraph className="kp-no-print">
          <AppLink to={`${REPORT_PATH}?${query}`}>{m.backToReport}</AppLink>
        </Paragraph>
      ) : null}
      <Heading1>{m.title}</Heading1>
      <Paragraph lead>{m.intro}</Paragraph>
      <Paragraph>{report.scope === "all" ? m.scopeAll : m.scopeMunicipality}</Paragraph>
      <ActionNotices notice={notice} result={result} />
      <ErrorSummary errors={errors} focusKey={errors} />
      <section aria-labelledby="period-heading" className="kp-filters kp-no-print">
        <h2 id="period-heading" className="utrecht-heading-2 kp-filters__heading">
          {m.periodHeading}
        </h2>
        <Paragraph>{m.periodDescription}</Paragraph>
        <Form method="get" className="kp-filters__form">
          <div className="kp-filters__fields">
            <TextField
              name="van"
              id="field-van"
              label={m.fromLabel}
              description={m.dateDescription}
              defaultValue={values.van || report.period.from}
              error={errors.find((e) => e.fieldId === "field-van")?.message}
              inputMode="numeric"
            />
            <TextField
              name="tot"
              id="field-tot"
              label={m.toLabel}
              description={m.dateDescription}
              defaultValue={values.tot || report.period.to}
              error={errors.find((e) => e.fieldId === "field-tot")?.message}
              inputMode="numeric"
            />
          </div>
          <Button type="submit" appearance="primary-action-button">
            {m.show}
          </Button>{" "}
          <AppLink to={REPORT_PATH}>{m.lastTwoWeeks}</AppLink>
        </Form>
      </section>
      <Heading2>{periodLabel(report.period)}</Heading2>
      <Paragraph className="kp-no-print">
        <a href={`${REPORT_PATH}/werkvoorraad.csv?${query}`} download className="utrecht-link utrecht-link--html-a">
          {m.downloadCsv}
        </a>{" "}
        <PrintButton href={`${REPORT_PATH}?${query}&${PRINT_PARAM}`} />
      </Paragraph>
      {report.continuityPeriods.length > 0 ? (
        <Alert type="warning">
          <h3 className="utrecht-heading-3">{m.continuityHeading}</h3>
          {report.continuityPeriods.map((period) => (
            <Paragraph key={period.from}>
              {m.continuityPeriod(
                formatLocalDate(period.from),
                formatLocalDate(period.to),
                period.services.map(continuityServiceLabel).join(", "),
              )}
            </Paragraph>
          ))}
        </Alert>
      ) : null}
      <section aria-labelledby="legend-heading">
        <h3 id="legend-heading" className="utrecht-heading-3">
          {m.legendHeading}
        </h3>
        <ul className="utrecht-unordered-list">
          <li>{m.legendSmall}</li>
          <li>{m.legendHidden}</li>
          <li>{m.legendNone}</li>
          <li>{m.normNote(report.norms.assessmentsInTimePercent)}</li>
          <li>{m.investigationNormNote(report.norms.investigationsInTimePercent)}</li>
        </ul>
      </section>
      <FiguresTable report={report} caption={m.assessmentsTable} columns={ASSESSMENT_COLUMNS} />
      <FiguresTable report={report} caption={m.handoversTable} columns={HANDOVER_COLUMNS} />
      <FiguresTable report={report} caption={m.waitingTable} columns={WAITING_COLUMNS} />
      {report.rows.flatMap((row) =>
        row.kind === "region"
          ? [<DeclineReasons key={row.regionId} row={row} />, <WaitingByPriority key={`w-${row.regionId}`} row={row} />]
          : [],
      )}
      <Bottlenecks report={report} canWrite={canWriteBottlenecks} result={result} />
      <Heading2>{m.chartsHeading}</Heading2>
      {trend ? (
        <>
          <TrendChart
            trend={trend}
            figure="triagesOverdue"
            title={m.triageTrendTitle}
            description={m.triageTrendDescription(trend.periods.length)}
          />
          <TrendChart
            trend={trend}
            figure="waitingAtEnd"
            title={m.waitingTrendTitle}
            description={m.waitingTrendDescription(trend.periods.length)}
          />
        </>
      ) : null}
      <LeadTimeChart report={report} />
    </div>
  );
}
