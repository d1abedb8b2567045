import { useNavigation } from "@remix-run/react";
import type { MailRow } from "../lib/mail-view";
import { nl } from "../messages/nl";
import { RowActionForm } from "./row-action-form";
import { MailStatusBadge } from "./status-badge";

const m = nl.adminMail;

/** Field names of the retry form, shared with the route's action. */
export const retryFields = { intent: "intent", id: "id", retryIntent: "retry" } as const;

/**
 * The e-mail queue, one message per row. A failed message gets an "Opnieuw versturen" form (a plain POST, so it
 * works without JavaScript); its button names the message for screen readers, since every row's button looks alike.
 */
export function MailTable({ rows, caption }: { rows: readonly MailRow[]; caption: string }) {
  const navigation = useNavigation();
  const retrying = navigation.state === "submitting" ? navigation.formData?.get(retryFields.id) : null;
  return (
    <div className="kp-table-scroll">
      <table className="utrecht-table utrecht-table--html-table kp-table kp-admin-table">
        <caption className="utrecht-table__caption kp-visually-hidden">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.subject}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.recipient}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.status}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.createdAt}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.sentAt}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.attempts}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.lastError}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.messageId}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {m.columns.action}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={row.id} className={`utrecht-table__row${row.canRetry ? " kp-table__row--failed" : ""}`}>
              <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                {row.subject}
              </th>
              <td className="utrecht-table__cell">
                <span className="kp-address">{row.recipient}</span>
              </td>
              <td className="utrecht-table__cell">
                <MailStatusBadge status={row.status} />
              </td>
              <td className="utrecht-table__cell">{row.createdAt}</td>
              <td className="utrecht-table__cell">{row.sentAt}</td>
              <td className="utrecht-table__cell">{row.attempts}</td>
              <td className="utrecht-table__cell">
                <code className="kp-code">{row.lastError}</code>
              </td>
              <td className="utrecht-table__cell">
                <code className="kp-code">{row.messageId}</code>
              </td>
              <td className="utrecht-table__cell">
                {row.canRetry ? (
                  <RowActionForm
                    intent={retryFields.retryIntent}
                    id={row.id}
                    busy={retrying === row.id}
                    label={m.retry}
                    target={m.retryTarget(row.subject, row.recipient, row.createdAt)}
                  />
                ) : (
                  <span className="kp-muted">{m.noAction}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
