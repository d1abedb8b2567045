import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { callApi } from "../api-errors.server";
import { AppLink } from "../components/app-link";
import { ButtonLink } from "../components/button-link";
import { Heading1, Paragraph } from "../components/typography";
import { vvRowOf } from "../lib/vv-view";
import { nl, pageTitle } from "../messages/nl";
import { requireHandoverWorker } from "../session.server";
import collaborationCss from "../styles/collaboration.css?url";

const m = nl.vvList;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: collaborationCss }];

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

export async function loader(args: LoaderFunctionArgs) {
  const { view } = await requireHandoverWorker(args);
  const list = await callApi(args, (api) => api.vv.list());
  // The API already puts overdue conditions and moments first.
  return { canCreate: view === "vt", rows: list.items.map(vvRowOf) };
}

export default function VvListRoute() {
  const { canCreate, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <Heading1>{m.heading}</Heading1>
      <Paragraph>{m.intro}</Paragraph>
      {canCreate ? (
        <p className="kp-page-actions">
          <ButtonLink to="/voorwaarden-en-vervolg/nieuw">{m.newTrajectory}</ButtonLink>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <Paragraph>{m.empty}</Paragraph>
      ) : (
        <div className="kp-table-scroll">
          <table className="utrecht-table utrecht-table--html-table kp-table">
            <caption className="utrecht-table__caption kp-visually-hidden">{m.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {[
                  m.columns.reference,
                  m.columns.status,
                  m.columns.conditions,
                  m.columns.monitoring,
                  m.columns.municipality,
                  m.columns.partner,
                  m.columns.workers,
                ].map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((row) => (
                <tr key={row.id} className={`utrecht-table__row${row.overdue ? " kp-table__row--overdue" : ""}`}>
                  <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                    <AppLink to={row.href} aria-label={row.linkLabel}>
                      {row.reference}
                    </AppLink>
                  </th>
                  <td className="utrecht-table__cell">{row.status}</td>
                  <td className="utrecht-table__cell">{row.conditions}</td>
                  <td className="utrecht-table__cell">
                    {row.monitoring === m.overdueMonitoring ? (
                      <span className="utrecht-status-badge kp-status kp-status--overdue">{row.monitoring}</span>
                    ) : (
                      row.monitoring
                    )}
                  </td>
                  <td className="utrecht-table__cell">{row.municipality}</td>
                  <td className="utrecht-table__cell">{row.partner}</td>
                  <td className="utrecht-table__cell">{row.workers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
