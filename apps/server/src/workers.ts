import type { WebhookTargetPolicy } from "@ketenportaal/api";
import { type RunningWorkers, startWorkers } from "@ketenportaal/bridge";
import type { DatabaseHandle } from "@ketenportaal/db";
import type { Logger } from "./logger";

/**
 * The embedded default runs the bridge in the server process: PGlite serves one process only, so a separate
 * bridge could not reach it.
 */
export function startInProcessWorkers(options: {
  database: DatabaseHandle;
  logger: Logger;
  publicUrl: string;
  kafkaBrokers?: string[] | undefined;
  mail: { smtpUrl?: string | undefined; mailDir: string; from: string };
  observePublishLatency?: ((seconds: number) => void) | undefined;
  webhookPolicy: WebhookTargetPolicy;
}): Promise<RunningWorkers> {
  return startWorkers({
    database: options.database,
    logger: options.logger.child({ component: "bridge" }),
    publicUrl: options.publicUrl,
    kafkaBrokers: options.kafkaBrokers,
    mail: options.mail,
    observePublishLatency: options.observePublishLatency,
    webhooks: { policy: options.webhookPolicy },
  });
}
