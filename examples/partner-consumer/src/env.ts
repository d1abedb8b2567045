import { z } from "zod";

const common = {
  /** The Ketenportaal as your system reaches it; REST calls go to `<KETENPORTAAL_URL>/api/v1`. */
  KETENPORTAAL_URL: z.url("must be a URL like https://ketenportaal.example"),
  /** Your organisation's service-account token (`npm run cli -- service-account create`). */
  KETENPORTAAL_TOKEN: z.string().min(20, "the service-account token, as the CLI printed it"),
};

const list = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .optional();

const kafka = z.object({
  CONSUMER_MODE: z.literal("kafka"),
  ...common,
  KAFKA_BROKERS: z.string().transform((value) => value.split(",")),
  TOPIC: z.string().default("ketenportaal.handovers.local-teams"),
  GROUP_ID: z.string().default("partner-example"),
});

const webhook = z
  .object({
    CONSUMER_MODE: z.literal("webhook"),
    ...common,
    /** Where this consumer listens for deliveries. */
    WEBHOOK_HOST: z.string().min(1).default("0.0.0.0"),
    WEBHOOK_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
    WEBHOOK_PATH: z
      .string()
      .regex(/^\/\S*$/, "a path like /ketenportaal/webhook")
      .default("/ketenportaal/webhook"),
    /** The callback URL as the Ketenportaal reaches this consumer (https, public); registered on start. */
    WEBHOOK_PUBLIC_URL: z
      .url("must be a URL like https://registratie.wijkteam.example/ketenportaal/webhook")
      .optional(),
    /**
     * The signing secret of an abonnement registered earlier (`whsec_...`). Without it the consumer registers itself
     * on start (POST /api/v1/abonnementen) and ends that abonnement when it stops.
     */
    WEBHOOK_SECRET: z.string().startsWith("whsec_", "the signingSecret of the abonnement, whsec_...").optional(),
    /** The mailbox the Ketenportaal writes to when the abonnement is suspended; needed to register. */
    WEBHOOK_CONTACT_EMAIL: z.email("an e-mail address").optional(),
    /** Only these event types (comma-separated); empty: every event addressed to your organisation. */
    WEBHOOK_EVENT_TYPES: list,
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_SECRET) return;
    for (const key of ["WEBHOOK_PUBLIC_URL", "WEBHOOK_CONTACT_EMAIL"] as const) {
      if (!env[key])
        ctx.addIssue({ code: "custom", path: [key], message: "needed to register (or set WEBHOOK_SECRET)" });
    }
  });

const schema = z.discriminatedUnion("CONSUMER_MODE", [kafka, webhook]);
export type ConsumerEnv = z.infer<typeof schema>;

/** Reads and checks the environment once; a bad value stops the start with a message naming the variable. */
export function loadConsumerEnv(source: Record<string, string | undefined> = process.env): ConsumerEnv {
  const result = schema.safeParse({ CONSUMER_MODE: "kafka", ...source });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "CONSUMER_MODE"}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}
