// Run as a partner system: KAFKA_BROKERS, TOPIC, GROUP_ID, KETENPORTAAL_URL and KETENPORTAAL_TOKEN.
import { z } from "zod";
import { startPartnerConsumer } from "./partner-consumer";

const env = z
  .object({
    KAFKA_BROKERS: z.string().transform((value) => value.split(",")),
    TOPIC: z.string().default("ketenportaal.handovers.local-teams"),
    GROUP_ID: z.string().default("partner-example"),
    KETENPORTAAL_URL: z.string().url(),
    KETENPORTAAL_TOKEN: z.string().min(20),
  })
  .parse(process.env);

const consumer = await startPartnerConsumer({
  brokers: env.KAFKA_BROKERS,
  topic: env.TOPIC,
  groupId: env.GROUP_ID,
  apiUrl: env.KETENPORTAAL_URL,
  token: env.KETENPORTAAL_TOKEN,
  onHandover: ({ event, details }) => {
    const handover = details as { caseReference?: string; status?: string; acceptanceDueOn?: string | null };
    console.log(
      `${event.type} ${handover.caseReference ?? event.subject}: ${handover.status} (reageer uiterlijk ${handover.acceptanceDueOn ?? "-"})`,
    );
  },
});
process.on("SIGTERM", () => void consumer.stop().then(() => process.exit(0)));
process.on("SIGINT", () => void consumer.stop().then(() => process.exit(0)));
