import type { WebhookTargetPolicy } from "@ketenportaal/api";
import type { Database } from "@ketenportaal/db";
import type { BridgeLogger, BridgeTask } from "../bridge";
import { deliverDueWebhooks, type WebhookDeliveryOptions } from "./deliver-webhooks";
import { fanOutWebhookEvents } from "./fan-out-webhooks";

/**
 * Webhooks as a bridge task: fan the new outbox events out to the abonnementen, then deliver what is due. Logs ids
 * and codes only — a parked delivery, a suspended abonnement — never a body, a URL's query or a credential.
 */
export function createWebhookTask(options: {
  apiBaseUrl: string;
  policy: WebhookTargetPolicy;
  logger: BridgeLogger;
  delivery?: Partial<Omit<WebhookDeliveryOptions, "db" | "apiBaseUrl" | "policy">>;
}): BridgeTask {
  return {
    name: "webhooks",
    run: async ({ db, signal }: { db: Database; signal: AbortSignal }) => {
      for (let batch = 200; batch === 200 && !signal.aborted; ) {
        batch = (await fanOutWebhookEvents({ db, batchSize: 200 })).events;
      }
      for (let round = 0; round < 10 && !signal.aborted; round++) {
        const result = await deliverDueWebhooks({
          db,
          apiBaseUrl: options.apiBaseUrl,
          policy: options.policy,
          ...options.delivery,
        });
        if (result.parked > 0) {
          options.logger.error({ parked: result.parked }, "webhook deliveries parked after the maximum attempts");
        }
        for (const subscriptionId of result.suspended) {
          options.logger.error({ subscriptionId }, "webhook abonnement suspended after failing repeatedly");
        }
        if (result.subscriptions < 20) return;
      }
    },
  };
}
