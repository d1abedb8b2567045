import { z } from "zod";
import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  getWebhookSubscription,
  listWebhookSubscriptions,
} from "../../services/webhooks/manage-subscriptions";
import { authedProcedure, router } from "../../trpc";
import {
  ZCreateWebhookSubscriptionRequest,
  ZCreateWebhookSubscriptionResponse,
  ZDeleteWebhookSubscriptionResponse,
  ZListWebhookSubscriptionsResponse,
  ZWebhookSubscription,
  ZWebhookSubscriptionId,
} from "./webhook.types";

/**
 * Webhook abonnementen (Notificaties API style): a partner system, its organisation's coördinator or a functioneel
 * beheerder registers where the bridge POSTs the organisation's events. The same procedures serve REST
 * (`/api/v1/abonnementen`, packages/rest-api).
 */
export const webhookRouter = router({
  subscriptions: router({
    list: authedProcedure
      .input(z.void())
      .output(ZListWebhookSubscriptionsResponse)
      .query(({ ctx }) => listWebhookSubscriptions({ ctx })),
    get: authedProcedure
      .input(ZWebhookSubscriptionId)
      .output(ZWebhookSubscription)
      .query(({ ctx, input }) => getWebhookSubscription({ ctx, id: input.id })),
    create: authedProcedure
      .input(ZCreateWebhookSubscriptionRequest)
      .output(ZCreateWebhookSubscriptionResponse)
      .mutation(({ ctx, input }) => createWebhookSubscription({ ctx, input })),
    delete: authedProcedure
      .input(ZWebhookSubscriptionId)
      .output(ZDeleteWebhookSubscriptionResponse)
      .mutation(({ ctx, input }) => deleteWebhookSubscription({ ctx, id: input.id })),
  }),
});
