// Development: the same Hono app and load context as production, with Vite in middleware mode for the portal.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getRequestListener } from "@hono/node-server";
import type { ServerBuild } from "@remix-run/node";
import { createServer as createViteServer } from "vite";
import { createPortalHandler } from "./app";
import { composeServer } from "./compose";
import { openDatabase } from "./database";
import { loadServerEnv } from "./env";
import { createLogger } from "./logger";
import { serve } from "./serve";

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
const { app, workers } = await composeServer({
  env,
  logger,
  database,
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
