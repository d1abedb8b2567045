import type { OutboxEventRow } from "../lib/outbox-event-view";
import { nl } from "../messages/nl";
import { AppLink } from "./app-link";

const m = nl.adminEvents;

/**
 * The outbox, one event per row. The event type heads the row; the aggregate id links to the same page filtered on
 * it; the payload sits folded in a details element, as stored.
 */
export function OutboxEventTable({
  rows,
  caption,
  hrefForAggregate,
}: {
  rows: readonly OutboxEventRow[];
  caption: string;
  hrefForAggregate: (aggregateId: string) => string;
}) {
  return (
    <div className="kp-table-scroll">
      <table className="utrecht-table utrecht-table--html-table kp-table kp-admin-table">
        <caption className="utrecht-table__caption kp-visually-hidden">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.eventType}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.aggregate}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.sequence}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.topic}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.createdAt}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.published}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.attempts}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.payload}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={row.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                <code className="kp-code">{row.eventType}</code>
              </th>
              <td className="utrecht-table__cell">
                {row.aggregateType}
                <br />
                <AppLink to={hrefForAggregate(row.aggregateId)} className="kp-code">
                  {row.aggregateId}
                  <span className="kp-visually-hidden">, {m.aggregateLinkHint}</span>
                </AppLink>
              </td>
              <td className="utrecht-table__cell">{row.sequence}</td>
              <td className="utrecht-table__cell">
                <code className="kp-code">{row.topic}</code>
              </td>
              <td className="utrecht-table__cell">{row.createdAt}</td>
              <td className="utrecht-table__cell">
                <span
                  className={`utrecht-status-badge kp-status kp-status--${row.isPublished ? "published" : "unpublished"}`}
                >
                  {row.published}
                </span>
              </td>
              <td className="utrecht-table__cell">{row.attempts}</td>
              <td className="utrecht-table__cell">
                <details className="kp-payload">
                  <summary>
                    {m.showPayload}
                    <span className="kp-visually-hidden"> {m.payloadOf(row.eventType, row.sequence)}</span>
                  </summary>
                  <pre className="kp-payload__json">{row.payload}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
