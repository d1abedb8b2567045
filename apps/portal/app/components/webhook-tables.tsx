import { useNavigation } from "@remix-run/react";
import type { WebhookDeliveryRow, WebhookSubscriptionRow } from "../lib/webhook-view";
import { nl } from "../messages/nl";
import { RowActionForm } from "./row-action-form";
import { WebhookDeliveryStatusBadge, WebhookSubscriptionStatusBadge } from "./status-badge";

const m = nl.adminWebhooks;

/** Field names of the re-send form, shared with the route's action. */
export const resendFields = { intent: "intent", id: "id", resendIntent: "resend" } as const;

function HeaderCells({ labels }: { labels: readonly string[] }) {
  return (
    <thead className="utrecht-table__header">
      <tr className="utrecht-table__row">
        {labels.map((label) => (
          <th key={label} scope="col" className="utrecht-table__header-cell">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The abonnementen, one per row: whose, where to (scheme, host and path only), and how it is doing. */
export function WebhookSubscriptionTable({ rows }: { rows: readonly WebhookSubscriptionRow[] }) {
  const c = m.subscriptionColumns;
  return (
    <div className="kp-table-scroll">
      <table className="utrecht-table utrecht-table--html-table kp-table kp-admin-table">
        <caption className="utrecht-table__caption kp-visually-hidden">{m.subscriptionsCaption}</caption>
        <HeaderCells labels={[c.organisation, c.callback, c.status, c.failures, c.lastFailureAt, c.deliveries]} />
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr
              key={row.id}
              className={`utrecht-table__row${row.status === "suspended" ? " kp-table__row--failed" : ""}`}
            >
              <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                {row.organisation}
              </th>
              <td className="utrecht-table__cell">
                <code className="kp-code">{row.callback}</code>
              </td>
              <td className="utrecht-table__cell">
                <WebhookSubscriptionStatusBadge status={row.status} />
              </td>
              <td className="utrecht-table__cell">{row.failures}</td>
              <td className="utrecht-table__cell">{row.lastFailureAt}</td>
              <td className="utrecht-table__cell">{row.deliveries}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The afleveringen, newest first. A parked one gets an "Opnieuw versturen" form (a plain POST, so it works without
 * JavaScript); its button names the delivery for screen readers, since every row's button looks alike.
 */
export function WebhookDeliveryTable({ rows }: { rows: readonly WebhookDeliveryRow[] }) {
  const navigation = useNavigation();
  const resending = navigation.state === "submitting" ? navigation.formData?.get(resendFields.id) : null;
  const c = m.deliveryColumns;
  return (
    <div className="kp-table-scroll">
      <table className="utrecht-table utrecht-table--html-table kp-table kp-admin-table">
        <caption className="utrecht-table__caption kp-visually-hidden">{m.deliveriesCaption}</caption>
        <HeaderCells
          labels={[
            c.event,
            c.organisation,
            c.callback,
            c.status,
            c.attempts,
            c.lastResult,
            c.createdAt,
            c.finishedAt,
            c.action,
          ]}
        />
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={row.id} className={`utrecht-table__row${row.canResend ? " kp-table__row--failed" : ""}`}>
              <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                <code className="kp-code">{row.eventType}</code>
                <br />
                <code className="kp-code kp-muted">{row.eventId}</code>
              </th>
              <td className="utrecht-table__cell">{row.organisation}</td>
              <td className="utrecht-table__cell">
                <code className="kp-code">{row.callback}</code>
              </td>
              <td className="utrecht-table__cell">
                <WebhookDeliveryStatusBadge status={row.status} />
              </td>
              <td className="utrecht-table__cell">{row.attempts}</td>
              <td className="utrecht-table__cell">
                <code className="kp-code">{row.lastResult}</code>
              </td>
              <td className="utrecht-table__cell">{row.createdAt}</td>
              <td className="utrecht-table__cell">{row.finishedAt}</td>
              <td className="utrecht-table__cell">
                {row.canResend ? (
                  <RowActionForm
                    intent={resendFields.resendIntent}
                    id={row.id}
                    busy={resending === row.id}
                    label={m.resend}
                    target={m.resendTarget(row.eventType, row.organisation, row.createdAt)}
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
