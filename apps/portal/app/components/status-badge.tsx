import type { HandoverStatus, MailStatus, WebhookDeliveryStatus, WebhookSubscriptionStatus } from "../lib/api-types";
import { nl } from "../messages/nl";

/** The handover's status in words; the colour only repeats what the text says. */
export function StatusBadge({ status }: { status: HandoverStatus }) {
  return <span className={`utrecht-status-badge kp-status kp-status--${status}`}>{nl.handoverStatus[status]}</span>;
}

/** A marker for a deadline that has passed: text, with a warning colour and an icon-free border for print. */
export function OverdueBadge() {
  return <span className="utrecht-status-badge kp-status kp-status--overdue">{nl.deadlines.overdue}</span>;
}

/** An e-mail's status in words: wachtend, verzonden, mislukt. */
export function MailStatusBadge({ status }: { status: MailStatus }) {
  return <span className={`utrecht-status-badge kp-status kp-status--mail-${status}`}>{nl.mailStatus[status]}</span>;
}

/** A webhook delivery's status in words: wachtend, afgeleverd, geparkeerd. */
export function WebhookDeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  return (
    <span className={`utrecht-status-badge kp-status kp-status--webhook-${status}`}>
      {nl.webhookDeliveryStatus[status]}
    </span>
  );
}

/** A webhook abonnement's status in words: actief, opgeschort, wacht op validatie. */
export function WebhookSubscriptionStatusBadge({ status }: { status: WebhookSubscriptionStatus }) {
  return (
    <span className={`utrecht-status-badge kp-status kp-status--webhook-${status}`}>
      {nl.webhookSubscriptionStatus[status]}
    </span>
  );
}
