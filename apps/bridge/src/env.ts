import { z } from "zod";

/** The transports of the workers; the embedded server runs the same workers and validates the same variables. */
export const workerEnvFields = {
  /** Kafka bootstrap brokers, comma-separated host:port; without them events stay in the outbox. */
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, "use host:port,host:port")
    .transform((value) => value.split(","))
    .optional(),
  /** SMTP server for e-mail (smtp:// or smtps://); without it messages are written as .eml files under DATA_DIR/mail. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Ketenportaal <noreply@ketenportaal.example>"),
  /**
   * Tests only: let webhook callbacks point to loopback and private addresses, over http too. Off by default: outside
   * tests such a callback would be a server-side request forgery.
   */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z
    .enum(["0", "1", "false", "true"], "use 0 or 1")
    .default("0")
    .transform((value) => value === "1" || value === "true"),
};

/** Where webhook callbacks may point: https to public addresses; http too in the embedded demo; anything in tests. */
export function webhookTargetPolicyOf(options: { allowPrivateTargets: boolean; embedded: boolean }) {
  return {
    allowHttp: options.embedded || options.allowPrivateTargets,
    allowPrivateTargets: options.allowPrivateTargets,
  };
}

const schema = z.object({
  /** The bridge runs beside a server on PostgreSQL; the embedded database runs its workers in the server process. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection string"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BRIDGE_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  ...workerEnvFields,
  /** The bridge's /metrics and /healthz; port 0 picks a free one (tests), it is logged at start. */
  BRIDGE_HTTP_HOST: z.string().min(1).default("0.0.0.0"),
  BRIDGE_HTTP_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  DATA_DIR: z.string().min(1).default(".data"),
  /** Where people reach the portal: links in the e-mail the bridge's jobs write. */
  PUBLIC_URL: z.string().url("must be a URL like https://ketenportaal.example").default("http://localhost:3000"),
});

export type BridgeEnv = z.infer<typeof schema>;

export function loadBridgeEnv(source: Record<string, string | undefined> = process.env): BridgeEnv {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}
