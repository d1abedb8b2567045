import { join } from "node:path";
import {
  measureMailBacklog,
  measureOutboxBacklog,
  measureWebhookBacklog,
  webhookTargetPolicyOf,
} from "@ketenportaal/bridge";
import type { DatabaseHandle } from "@ketenportaal/db";
import { createApp, type PortalHandler } from "./app";
import type { ServerEnv } from "./env";
import type { Logger } from "./logger";
import { createMetrics } from "./metrics";
import { startInProcessWorkers } from "./workers";

/**
 * Wires the app and, on the embedded database, the in-process workers — the same for `npm start` and `npm run dev`,
 * which differ only in how the portal is built and served.
 */
export async function composeServer(options: {
  env: ServerEnv;
  logger: Logger;
  database: DatabaseHandle;
  portal: { handler: PortalHandler; clientDir?: string };
}) {
  const { env, logger, database } = options;
  const inProcessWorkers = database.driver === "pglite";
  const metrics = createMetrics({
    outboxBacklog: () => measureOutboxBacklog({ db: database.db }),
    mailBacklog: () => measureMailBacklog({ db: database.db }),
    webhookBacklog: () => measureWebhookBacklog({ db: database.db }),
    publishLatency: inProcessWorkers && Boolean(env.KAFKA_BROKERS?.length),
  });
  // Plain-http callbacks in the embedded demo; private addresses only with the test switch.
  const webhookPolicy = webhookTargetPolicyOf({
    allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    embedded: inProcessWorkers,
  });
  const workers = inProcessWorkers
    ? await startInProcessWorkers({
        database,
        logger,
        publicUrl: env.publicUrl,
        kafkaBrokers: env.KAFKA_BROKERS,
        mail: { smtpUrl: env.SMTP_URL, mailDir: join(env.DATA_DIR, "mail"), from: env.MAIL_FROM },
        observePublishLatency: metrics.observePublishLatency,
        webhookPolicy,
      })
    : undefined;
  const app = createApp({
    db: database.db,
    logger,
    metrics,
    api: {
      publicUrl: env.publicUrl,
      auth: { mfaRequired: env.mfaRequired, passwordLogin: env.PASSWORD_LOGIN, oidc: env.oidc },
      webhooks: { targetPolicy: webhookPolicy },
      partnerAccessAfterCloseDays: env.PARTNER_ACCESS_AFTER_CLOSE_DAYS,
    },
    portal: options.portal,
    trustProxy: env.TRUST_PROXY,
    development: env.NODE_ENV === "development",
    relayStatus: () => workers?.relayStatus() ?? null,
  });
  return { app, workers };
}
