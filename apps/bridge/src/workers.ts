import {
  createDeadlineWatchTask,
  createRetentionTask,
  strictTargetPolicy,
  type WebhookTargetPolicy,
} from "@ketenportaal/api";
import type { DatabaseHandle } from "@ketenportaal/db";
import { createMailTransport } from "@ketenportaal/mail";
import { type BridgeLogger, type BridgeTask, type RunningBridge, startBridge } from "./bridge";
import { createMailDeliveryTask } from "./mail/mail-delivery-task";
import { createKafkaPublisher } from "./relay/kafka-publisher";
import { createOutboxRelayTask, type RelayStatus } from "./relay/outbox-relay-task";
import type { WebhookDeliveryOptions } from "./webhooks/deliver-webhooks";
import { createWebhookTask } from "./webhooks/webhook-task";

/** The channel a transition notifies on commit when it wrote an outbox event. */
export const OUTBOX_CHANNEL = "ketenportaal_outbox";

export type RunningWorkers = RunningBridge & { relayStatus: () => RelayStatus | null };

/**
 * The bridge's work, the same in its own process and inside the embedded server: the deadline watch, the
 * destruction of files past their retention, e-mail delivery, and — when Kafka is configured — the outbox relay, woken by NOTIFY with the poll interval as the fallback. Without Kafka
 * the events stay in the outbox.
 */
export async function startWorkers(options: {
  database: DatabaseHandle;
  logger: BridgeLogger;
  publicUrl: string;
  kafkaBrokers?: string[] | undefined;
  /** SMTP, or (without `smtpUrl`) .eml files in `mailDir`. */
  mail: { smtpUrl?: string | undefined; mailDir: string; from: string };
  pollIntervalMs?: number;
  /** Where the relay reports each event's commit-to-acknowledgement time (the publish latency histogram). */
  observePublishLatency?: ((seconds: number) => void) | undefined;
  /** Webhook deliveries: where callbacks may point (strict by default), and tests' shorter backoff. */
  webhooks?: {
    policy: WebhookTargetPolicy;
    delivery?: Partial<Omit<WebhookDeliveryOptions, "db" | "apiBaseUrl" | "policy">>;
  };
}): Promise<RunningWorkers> {
  const transport = createMailTransport(options.mail);
  const tasks: BridgeTask[] = [
    createDeadlineWatchTask({ config: { publicUrl: options.publicUrl } }),
    // Destroys VT files past their retention, at most once an hour (decision 012).
    createRetentionTask(),
    createMailDeliveryTask({ transport, logger: options.logger }),
    createWebhookTask({
      apiBaseUrl: options.publicUrl,
      policy: options.webhooks?.policy ?? strictTargetPolicy,
      logger: options.logger,
      ...(options.webhooks?.delivery ? { delivery: options.webhooks.delivery } : {}),
    }),
  ];
  const publisher = options.kafkaBrokers?.length ? createKafkaPublisher({ brokers: options.kafkaBrokers }) : null;
  const relay = publisher
    ? createOutboxRelayTask({
        publisher,
        apiBaseUrl: options.publicUrl,
        logger: options.logger,
        ...(options.observePublishLatency ? { observeLatency: options.observePublishLatency } : {}),
      })
    : null;
  if (relay) tasks.push(relay);

  const bridge = startBridge({
    db: options.database.db,
    logger: options.logger,
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    tasks,
  });
  // Every outbox event may be due for a webhook, Kafka or not: the notify always wakes the loop.
  const unlisten = await options.database.listen(OUTBOX_CHANNEL, () => bridge.wake());
  return {
    ...bridge,
    relayStatus: () => relay?.status() ?? null,
    stop: async () => {
      await unlisten?.();
      await bridge.stop();
      await publisher?.close();
      transport.close();
    },
  };
}
