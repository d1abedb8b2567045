import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { getRequestListener } from "@hono/node-server";
import { measureMailBacklog, measureOutboxBacklog } from "@ketenportaal/bridge";
import type { ServerBuild } from "@remix-run/node";
import { createApp, createPortalHandler } from "./app";
import { openDatabase } from "./database";
import { InvalidEnvironmentError, loadServerEnv } from "./env";
import { createLogger } from "./logger";
import { createMetrics } from "./metrics";
import { serve } from "./serve";
import { startInProcessWorkers } from "./workers";

let env: ReturnType<typeof loadServerEnv>;
try {
  env = loadServerEnv();
} catch (error) {
  if (!(error instanceof InvalidEnvironmentError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const logger = createLogger({ level: env.LOG_LEVEL });
const portalDir = dirname(createRequire(import.meta.url).resolve("@ketenportaal/portal/package.json"));
const build = (await import(pathToFileURL(join(portalDir, "build/server/index.js")).href)) as ServerBuild;

let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase({ env, logger, command: "ketenportaal server" });
} catch (error) {
  logger.fatal({ err: error }, "could not open the database");
  console.error((error as Error).message);
  process.exit(1);
}

const workers =
  database.driver === "pglite"
    ? await startInProcessWorkers({
        database,
        logger,
        publicUrl: env.publicUrl,
        kafkaBrokers: env.KAFKA_BROKERS,
        mail: { smtpUrl: env.SMTP_URL, mailDir: join(env.DATA_DIR, "mail"), from: env.MAIL_FROM },
      })
    : undefined;
const app = createApp({
  db: database.db,
  logger,
  metrics: createMetrics({
    outboxBacklog: () => measureOutboxBacklog({ db: database.db }),
    mailBacklog: () => measureMailBacklog({ db: database.db }),
  }),
  api: { publicUrl: env.publicUrl },
  portal: { handler: createPortalHandler({ build, mode: "production" }), clientDir: join(portalDir, "build/client") },
  trustProxy: env.TRUST_PROXY,
  relayStatus: () => workers?.relayStatus() ?? null,
});
await serve({ listener: getRequestListener(app.fetch), host: env.HOST, port: env.PORT, logger, database, workers });
