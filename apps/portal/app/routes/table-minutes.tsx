import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { callApi } from "../api-errors.server";
import { Alert } from "../components/alert";
import { AppLink } from "../components/app-link";
import { DataList } from "../components/data-list";
import { PrintButton } from "../components/print-button";
import { Heading1, Paragraph } from "../components/typography";
import { idParamOf } from "../lib/route-params.server";
import { minutesViewOf } from "../lib/table-view";
import { nl, pageTitle } from "../messages/nl";
import { requireHandoverWorker } from "../session.server";
import collaborationCss from "../styles/collaboration.css?url";

const m = nl.tableMinutes;
const PRINT_PARAM = "afdrukken";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: collaborationCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? m.title(data.minutes.region) : nl.tables.title) },
];

export async function loader(args: LoaderFunctionArgs) {
  await requireHandoverWorker(args);
  const id = idParamOf(args.params);
  const minutes = await callApi(args, (api) => api.table.minutes({ id }));
  return { minutes: minutesViewOf(minutes), printView: new URL(args.request.url).searchParams.has(PRINT_PARAM) };
}

export default function TableMinutesRoute() {
  const { minutes, printView } = useLoaderData<typeof loader>();
  const path = `/overdrachtstafels/${minutes.id}/verslag`;
  return (
    <div className={printView ? "kp-minutes kp-print-view" : "kp-minutes"}>
      <Paragraph className="kp-no-print">
        <AppLink to={printView ? path : `/overdrachtstafels/${minutes.id}`}>
          {printView ? m.title(minutes.region) : m.backToMeeting}
        </AppLink>
      </Paragraph>
      <Heading1>{m.heading(minutes.region, minutes.when)}</Heading1>
      {minutes.final && minutes.closedAt ? (
        <Paragraph>{m.final(minutes.closedAt)}</Paragraph>
      ) : (
        <Alert type="warning">{m.draft}</Alert>
      )}
      <DataList
        rows={[
          { key: "chair", label: m.chair, value: minutes.chair },
          { key: "participants", label: m.participants, value: minutes.participants },
        ]}
      />
      <div className="kp-table-scroll">
        <table className="utrecht-table utrecht-table--html-table kp-table">
          <caption className="utrecht-table__caption">{m.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {m.columns.position}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {m.columns.reference}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {m.columns.municipality}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {m.columns.decision}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {m.columns.receiving}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {m.columns.deadline}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {minutes.rows.map((row) => (
              <tr key={row.position} className="utrecht-table__row">
                <td className="utrecht-table__cell">{row.position}</td>
                <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                  {row.reference}
                </th>
                <td className="utrecht-table__cell">{row.municipality}</td>
                <td className="utrecht-table__cell">{row.decision}</td>
                <td className="utrecht-table__cell">{row.receiving}</td>
                <td className="utrecht-table__cell">{row.deadline}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="kp-no-print kp-page-actions">
        <PrintButton href={`${path}?${PRINT_PARAM}`} />
        <Paragraph>{m.printHint}</Paragraph>
      </div>
    </div>
  );
}
