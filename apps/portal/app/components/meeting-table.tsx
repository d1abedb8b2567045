import type { TableRow } from "../lib/table-view";
import { nl } from "../messages/nl";
import { AppLink } from "./app-link";

const m = nl.tables;

/** Overdrachtstafels as a table: the date links to the meeting, with the region in the link's accessible name. */
export function MeetingTable({ rows, caption }: { rows: readonly TableRow[]; caption: string }) {
  return (
    <div className="kp-table-scroll">
      <table className="utrecht-table utrecht-table--html-table kp-table">
        <caption className="utrecht-table__caption kp-visually-hidden">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.when}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.region}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.status}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.items}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.chair}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.participants}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={row.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                <AppLink to={row.href} aria-label={row.linkLabel}>
                  {row.when}
                </AppLink>
              </th>
              <td className="utrecht-table__cell">{row.region}</td>
              <td className="utrecht-table__cell">{row.status}</td>
              <td className="utrecht-table__cell">{row.items}</td>
              <td className="utrecht-table__cell">{row.chair}</td>
              <td className="utrecht-table__cell">{row.participants}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
