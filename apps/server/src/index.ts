import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { getRequestListener } from "@hono/node-server";
import type { ServerBuild } from "@remix-run/node";
import { createPortalHandler } from "./app";
import { composeServer } from "./compose";
import { openDatabase } from "./database";
import { InvalidEnvironmentError, loadServerEnv } from "./env";
import { createLogger } from "./logger";
import { serve } from "./serve";

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

const { app, workers } = await composeServer({
  env,
  logger,
  database,
  portal: { handler: createPortalHandler({ build, mode: "production" }), clientDir: join(portalDir, "build/client") },
});
await serve({ listener: getRequestListener(app.fetch), host: env.HOST, port: env.PORT, logger, database, workers });
