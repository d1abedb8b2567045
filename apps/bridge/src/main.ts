import { join } from "node:path";
import { createDatabase, executeRows, serializeErrorForLog } from "@ketenportaal/db";
import { sql } from "drizzle-orm";
import pino from "pino";
import { collectDefaultMetrics, Registry } from "prom-client";
import type { RunningBridge } from "./bridge";
import { loadBridgeEnv, webhookTargetPolicyOf } from "./env";
import { startBridgeHttp } from "./http";
import { registerDatabaseBacklogMetrics, registerPublishLatencyMetric } from "./metrics";
import { type RunningWorkers, startWorkers } from "./workers";

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
// A bridge may start before any server: it brings the schema up to date itself (serialised with the others).
await database.migrate();

const registry = new Registry();
collectDefaultMetrics({ register: registry });
registerDatabaseBacklogMetrics({ registry, db: database.db });
const observePublishLatency = env.KAFKA_BROKERS?.length ? registerPublishLatencyMetric({ registry }) : undefined;

let bridge: (RunningBridge & Partial<Pick<RunningWorkers, "relayStatus">>) | undefined;
const http = await startBridgeHttp({
  host: env.BRIDGE_HTTP_HOST,
  port: env.BRIDGE_HTTP_PORT,
  registry,
  checkHealth: async () => {
    try {
      await Promise.race([
        executeRows(database.db, sql`select 1`),
        new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000)),
      ]);
    } catch {
      return { status: "unavailable" };
    }
    const relay = bridge?.relayStatus?.() ?? null;
    return relay?.kafka === "unreachable"
      ? { status: "degraded", kafka: "unreachable", since: relay.unreachableSince?.toISOString() ?? null }
      : { status: "ok" };
  },
});
logger.info({ port: http.port }, "metrics and health on /metrics and /healthz");

// Handlers first: a signal that arrives while the bridge starts must still stop it cleanly.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping");
  await bridge?.stop();
  await http.close();
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
    observePublishLatency,
    webhooks: {
      policy: webhookTargetPolicyOf({ allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS, embedded: false }),
    },
  });
}
