/**
 * The webhook abonnement procedures' input and output schemas, for adapters that expose the same procedures in
 * another shape (`/api/v1/abonnementen` of `@ketenportaal/rest-api`). An adapter reuses these, it never restates them.
 */
export {
  webhookEventTypes,
  ZCreateWebhookSubscriptionRequest,
  ZCreateWebhookSubscriptionResponse,
  ZListWebhookSubscriptionsResponse,
  ZWebhookSubscription,
  ZWebhookSubscriptionStatus,
} from "./webhook.types";
