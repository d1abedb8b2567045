// Run as a partner system, from Kafka or by webhook: see README.md (CONSUMER_MODE and the variables of src/env.ts).
import { loadConsumerEnv } from "./env";
import { type ArrivedHandover, startPartnerConsumer } from "./partner-consumer";
import { startWebhookConsumer } from "./webhook-consumer";

const env = loadConsumerEnv();

/** What this example does with a handover: one line with its reference and status (a real system stores it). */
function record({ event, details }: ArrivedHandover) {
  const handover = details as { caseReference?: string; status?: string; acceptanceDueOn?: string | null };
  console.log(
    `${event.type} ${handover.caseReference ?? event.subject}: ${handover.status} (reageer uiterlijk ${handover.acceptanceDueOn ?? "-"})`,
  );
}

const consumer =
  env.CONSUMER_MODE === "kafka"
    ? await startPartnerConsumer({
        brokers: env.KAFKA_BROKERS,
        topic: env.TOPIC,
        groupId: env.GROUP_ID,
        apiUrl: env.KETENPORTAAL_URL,
        token: env.KETENPORTAAL_TOKEN,
        onHandover: record,
      })
    : await startWebhookConsumer({
        apiUrl: env.KETENPORTAAL_URL,
        token: env.KETENPORTAAL_TOKEN,
        host: env.WEBHOOK_HOST,
        port: env.WEBHOOK_PORT,
        path: env.WEBHOOK_PATH,
        ...(env.WEBHOOK_PUBLIC_URL ? { publicUrl: env.WEBHOOK_PUBLIC_URL } : {}),
        ...(env.WEBHOOK_SECRET ? { signingSecret: env.WEBHOOK_SECRET } : {}),
        ...(env.WEBHOOK_CONTACT_EMAIL ? { contactEmail: env.WEBHOOK_CONTACT_EMAIL } : {}),
        ...(env.WEBHOOK_EVENT_TYPES ? { eventTypes: env.WEBHOOK_EVENT_TYPES } : {}),
        onHandover: record,
      }).then((webhook) => {
        console.log(`webhook-ontvanger luistert op ${webhook.url}`);
        return webhook;
      });
process.on("SIGTERM", () => void consumer.stop().then(() => process.exit(0)));
process.on("SIGINT", () => void consumer.stop().then(() => process.exit(0)));
