import { join } from "node:path";
import { createDatabase, serializeErrorForLog } from "@ketenportaal/db";
import pino from "pino";
import type { RunningBridge } from "./bridge";
import { loadBridgeEnv } from "./env";
import { startWorkers } from "./workers";

let env: ReturnType<typeof loadBridgeEnv>;
try {
  env = loadBridgeEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "ketenportaal-bridge" },
  serializers: { err: serializeErrorForLog },
});
const database = await createDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 4 });
let bridge: RunningBridge | undefined;

// Handlers first: a signal that arrives while the bridge starts must still stop it cleanly.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping");
  await bridge?.stop();
  await database.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

if (!stopping) {
  bridge = await startWorkers({
    database,
    logger,
    publicUrl: env.PUBLIC_URL,
    kafkaBrokers: env.KAFKA_BROKERS,
    mail: { smtpUrl: env.SMTP_URL, mailDir: join(env.DATA_DIR, "mail"), from: env.MAIL_FROM },
    pollIntervalMs: env.BRIDGE_POLL_INTERVAL_MS,
  });
}
