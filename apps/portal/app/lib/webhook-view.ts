import { nl } from "../messages/nl";
import type {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookSubscription,
  WebhookSubscriptionStatus,
} from "./api-types";
import { formatDateTime } from "./format";

const m = nl.adminWebhooks;

/**
 * A callback as the beheerder sees it: scheme, host (with port) and path. Never a user or password, and never the
 * query or fragment: a receiver may have put a token there, and this page is no place to show it.
 */
export function displayCallback(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return "—";
  }
}

/** One row of the abonnementen table, formatted on the server so the browser hydrates the same text. */
export type WebhookSubscriptionRow = {
  id: string;
  organisation: string;
  callback: string;
  status: WebhookSubscriptionStatus;
  failures: number;
  lastFailureAt: string;
  deliveries: string;
};

export function webhookSubscriptionRowOf(subscription: WebhookSubscription): WebhookSubscriptionRow {
  const { pending, delivered, failed } = subscription.deliveries;
  return {
    id: subscription.id,
    organisation: subscription.organisation.name,
    callback: displayCallback(subscription.callbackUrl),
    status: subscription.status,
    failures: subscription.consecutiveFailures,
    lastFailureAt: subscription.lastFailureAt ? formatDateTime(subscription.lastFailureAt) : m.never,
    deliveries: m.deliveryCounts(pending, delivered, failed),
  };
}

/** One row of the afleveringen table. */
export type WebhookDeliveryRow = {
  id: string;
  eventType: string;
  eventId: string;
  organisation: string;
  callback: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastResult: string;
  createdAt: string;
  finishedAt: string;
  canResend: boolean;
};

export function webhookDeliveryRowOf(delivery: WebhookDelivery): WebhookDeliveryRow {
  const finished = delivery.deliveredAt ?? delivery.failedAt;
  return {
    id: delivery.id,
    eventType: delivery.eventType,
    eventId: delivery.eventId,
    organisation: delivery.organisation.name,
    callback: displayCallback(delivery.callbackUrl),
    status: delivery.status,
    attempts: delivery.attempts,
    lastResult:
      delivery.lastStatusCode !== null ? m.httpStatus(delivery.lastStatusCode) : (delivery.lastError ?? m.noResult),
    createdAt: formatDateTime(delivery.createdAt),
    finishedAt: finished
      ? formatDateTime(finished)
      : delivery.status === "pending"
        ? m.nextAttempt(formatDateTime(delivery.nextAttemptAt))
        : m.notYet,
    // The API refuses the others with a conflict; the button is only offered where it can work.
    canResend: delivery.status === "failed",
  };
}
