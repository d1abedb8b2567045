import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { callApi } from "../api-errors.server";
import { AppLink } from "../components/app-link";
import { Pager } from "../components/pager";
import { Heading1, Paragraph } from "../components/typography";
import { formatDateTime, formatLocalDate } from "../lib/format";
import { isCursor } from "../lib/ids";
import { workingDaysLeftText } from "../lib/triage-view";
import { nl, pageTitle } from "../messages/nl";
import { requireRole } from "../session.server";

const m = nl.triage;

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

// VT's teamcoördinatoren and medewerkers only; the API refuses anyone else as well.
export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, "vt_worker", "team_coordinator");
  const cursorParam = new URL(args.request.url).searchParams.get("pagina");
  const cursor = isCursor(cursorParam) ? cursorParam : undefined;
  const queue = await callApi(args, (api) => api.case.triageQueue({ limit: 50, ...(cursor ? { cursor } : {}) }));
  return {
    rows: queue.items.map((item) => ({
      id: item.id,
      reference: item.reference,
      municipality: item.municipality.name,
      priority: nl.priorities[item.priority],
      reportedAt: formatDateTime(new Date(item.reportedAt)),
      dueOn: formatLocalDate(item.safetyAssessmentDueOn),
      left: workingDaysLeftText(item.workingDaysLeft),
      overdue: item.overdue,
    })),
    nextHref: queue.nextCursor ? `/triage?${new URLSearchParams({ pagina: queue.nextCursor })}` : null,
    firstHref: cursor ? "/triage" : null,
  };
}

export default function TriageRoute() {
  const { rows, nextHref, firstHref } = useLoaderData<typeof loader>();
  return (
    <>
      <Heading1>{m.heading}</Heading1>
      <Paragraph>{m.intro}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{m.empty}</Paragraph>
      ) : (
        <div className="kp-table-scroll">
          <table className="utrecht-table utrecht-table--html-table kp-table">
            <caption className="utrecht-table__caption">{m.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(["reference", "municipality", "priority", "reportedAt", "dueOn", "left"] as const).map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {m.columns[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((row) => (
                <tr key={row.id} className={`utrecht-table__row${row.overdue ? " kp-table__row--overdue" : ""}`}>
                  <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                    <AppLink to={`/triage/${row.id}`} aria-label={m.openCase(row.reference)}>
                      {row.reference}
                    </AppLink>
                  </th>
                  <td className="utrecht-table__cell">{row.municipality}</td>
                  <td className="utrecht-table__cell">{row.priority}</td>
                  <td className="utrecht-table__cell">{row.reportedAt}</td>
                  <td className="utrecht-table__cell">{row.dueOn}</td>
                  <td className="utrecht-table__cell">
                    {row.overdue ? (
                      <strong className="utrecht-status-badge kp-status kp-status--overdue">{row.left}</strong>
                    ) : (
                      row.left
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label={m.pagerLabel}
        nextHref={nextHref}
        nextLabel={m.nextPage}
        firstHref={firstHref}
        firstLabel={m.firstPage}
      />
    </>
  );
}
