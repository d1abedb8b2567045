// Development: the same Hono app and load context as production, with Vite in middleware mode for the portal.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getRequestListener } from "@hono/node-server";
import { measureMailBacklog, measureOutboxBacklog } from "@ketenportaal/bridge";
import type { ServerBuild } from "@remix-run/node";
import { createServer as createViteServer } from "vite";
import { createApp, createPortalHandler } from "./app";
import { openDatabase } from "./database";
import { loadServerEnv } from "./env";
import { createLogger } from "./logger";
import { createMetrics } from "./metrics";
import { serve } from "./serve";
import { startInProcessWorkers } from "./workers";

const env = loadServerEnv({ defaults: { NODE_ENV: "development" } });
const logger = createLogger({ level: env.LOG_LEVEL });
const portalDir = dirname(createRequire(import.meta.url).resolve("@ketenportaal/portal/package.json"));
const vite = await createViteServer({
  root: portalDir,
  configFile: join(portalDir, "vite.config.ts"),
  server: { middlewareMode: true },
  appType: "custom",
});

const database = await openDatabase({ env, logger, command: "ketenportaal dev server" });
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
  relayStatus: () => workers?.relayStatus() ?? null,
  db: database.db,
  logger,
  metrics: createMetrics({
    outboxBacklog: () => measureOutboxBacklog({ db: database.db }),
    mailBacklog: () => measureMailBacklog({ db: database.db }),
  }),
  api: { publicUrl: env.publicUrl },
  portal: {
    handler: createPortalHandler({
      build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
      mode: "development",
    }),
  },
});
const honoListener = getRequestListener(app.fetch);
await serve({
  listener: (req, res) => vite.middlewares(req, res, () => honoListener(req, res)),
  host: env.HOST,
  port: env.PORT,
  logger,
  database,
  workers,
  onClose: () => vite.close(),
});
