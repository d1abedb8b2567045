import type { AuditLogRow } from "../lib/audit-log-view";
import { nl } from "../messages/nl";

const m = nl.adminAuditLog;

/** The rows found, newest first; a refused or failed attempt is marked in words, not by colour alone. */
export function AuditLogTable({ rows }: { rows: readonly AuditLogRow[] }) {
  const columns = m.columns;
  return (
    <div className="kp-table-scroll">
      <table className="utrecht-table utrecht-table--html-table kp-table kp-admin-table">
        <caption className="utrecht-table__caption kp-visually-hidden">{m.caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {(
              [
                "occurredAt",
                "who",
                "role",
                "organisation",
                "purpose",
                "action",
                "object",
                "caseReference",
                "outcome",
              ] as const
            ).map((key) => (
              <th key={key} scope="col" className="utrecht-table__header-cell">
                {columns[key]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr
              key={row.id}
              className={`utrecht-table__row${row.outcome === "failure" ? " kp-table__row--failed" : ""}`}
            >
              <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                {row.occurredAt}
              </th>
              <td className="utrecht-table__cell">{row.who}</td>
              <td className="utrecht-table__cell">{row.role}</td>
              <td className="utrecht-table__cell">{row.organisation}</td>
              <td className="utrecht-table__cell">{row.purpose}</td>
              <td className="utrecht-table__cell">{row.action}</td>
              <td className="utrecht-table__cell">
                <code className="kp-code">{row.objectType}</code> <span className="kp-code">{row.object}</span>
              </td>
              <td className="utrecht-table__cell">{row.caseReference}</td>
              <td className="utrecht-table__cell">{row.outcomeLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
