export { type ConsumerEnv, loadConsumerEnv } from "./env";
export { type ArrivedHandover, fetchHandover, startPartnerConsumer } from "./partner-consumer";
export { registerSubscription, startWebhookConsumer, type WebhookConsumer } from "./webhook-consumer";
