export { type BridgeLogger, type BridgeTask, type RunningBridge, startBridge } from "./bridge";
export { webhookTargetPolicyOf, workerEnvFields } from "./env";
export { deliverPendingMail, measureMailBacklog } from "./mail/deliver-mail";
export { createMailDeliveryTask } from "./mail/mail-delivery-task";
export {
  type BacklogProbe,
  type MailBacklogProbe,
  registerBacklogMetrics,
  registerDatabaseBacklogMetrics,
  registerPublishLatencyMetric,
} from "./metrics";
export { createKafkaPublisher, type EventPublisher } from "./relay/kafka-publisher";
export { createOutboxRelayTask, type RelayStatus } from "./relay/outbox-relay-task";
export { measureOutboxBacklog, relayOutboxBatch } from "./relay/relay-outbox";
export { measureWebhookBacklog } from "./webhooks/deliver-webhooks";
export { OUTBOX_CHANNEL, type RunningWorkers, startWorkers } from "./workers";
