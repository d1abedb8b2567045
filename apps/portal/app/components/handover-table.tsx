import type { HandoverRow } from "../lib/handover-view";
import { nl } from "../messages/nl";
import { AppLink } from "./app-link";
import { OverdueBadge, StatusBadge } from "./status-badge";

const m = nl.handovers;

/**
 * A list of handovers. VT sees the receiving team, a partner who offered it. An overdue row says so in words
 * ("Termijn verlopen"), besides its colour.
 */
export function HandoverTable({
  rows,
  caption,
  perspective,
}: {
  rows: readonly HandoverRow[];
  caption: string;
  perspective: "vt" | "partner";
}) {
  return (
    <div className="kp-table-scroll">
      <table className="utrecht-table utrecht-table--html-table kp-table">
        <caption className="utrecht-table__caption kp-visually-hidden">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.reference}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.status}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.deadline}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.priority}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.municipality}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {perspective === "vt" ? m.columns.targetTeam : m.columns.offeredBy}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={row.id} className={`utrecht-table__row${row.overdue ? " kp-table__row--overdue" : ""}`}>
              <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                <AppLink to={`/overdrachten/${row.id}`}>{row.reference}</AppLink>
              </th>
              <td className="utrecht-table__cell">
                <StatusBadge status={row.status} />
              </td>
              <td className="utrecht-table__cell">
                {row.overdue ? (
                  <>
                    <OverdueBadge />{" "}
                  </>
                ) : null}
                {row.deadline ?? nl.deadlines.none}
              </td>
              <td className="utrecht-table__cell">{row.priority}</td>
              <td className="utrecht-table__cell">{row.municipality}</td>
              <td className="utrecht-table__cell">{perspective === "vt" ? row.targetTeam : row.offeredBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
