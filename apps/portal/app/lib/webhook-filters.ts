import type { ListWebhookDeliveriesInput, WebhookDeliveryStatus } from "./api-types";
import { isId } from "./ids";

/** The filter of the Webhooks page in the address: `?status=geparkeerd&abonnement=<id>&pagina=<id>`. */
export const webhookFilterParams = { status: "status", subscription: "abonnement", cursor: "pagina" } as const;

/** The Dutch words in the address for the API's delivery statuses, in the order the filter offers them. */
export const webhookStatusParams = {
  wachtend: "pending",
  afgeleverd: "delivered",
  geparkeerd: "failed",
} as const satisfies Record<string, WebhookDeliveryStatus>;
export type WebhookStatusParam = keyof typeof webhookStatusParams;

export type WebhookFilters = { status: WebhookStatusParam | ""; subscriptionId: string; cursor: string };

export function readWebhookFilters(params: URLSearchParams): WebhookFilters {
  const status = params.get(webhookFilterParams.status) ?? "";
  const subscriptionId = params.get(webhookFilterParams.subscription) ?? "";
  const cursor = params.get(webhookFilterParams.cursor) ?? "";
  return {
    status: Object.hasOwn(webhookStatusParams, status) ? (status as WebhookStatusParam) : "",
    subscriptionId: isId(subscriptionId) ? subscriptionId : "",
    cursor: isId(cursor) ? cursor : "",
  };
}

/** The `admin.webhooks.deliveries.list` input for this filter. */
export function webhookDeliveriesInputOf(filters: WebhookFilters): ListWebhookDeliveriesInput {
  return {
    limit: 50,
    ...(filters.status ? { status: webhookStatusParams[filters.status] } : {}),
    ...(filters.subscriptionId ? { subscriptionId: filters.subscriptionId } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
}

export function hasWebhookFilters(filters: WebhookFilters): boolean {
  return Boolean(filters.status || filters.subscriptionId);
}
