import { seedDemoCases, seedDemoRegion } from "@ketenportaal/api";
import { createDatabase, type DatabaseHandle } from "@ketenportaal/db";
import type { ServerEnv } from "./env";
import type { Logger } from "./logger";

/** Opens the configured database, applies the migrations and, where asked for, seeds the demo region. */
export async function openDatabase(options: {
  env: ServerEnv;
  logger: Logger;
  command: string;
}): Promise<DatabaseHandle> {
  const { env, logger } = options;
  const handle = await createDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
    command: options.command,
  });
  try {
    await handle.migrate();
    if (env.demoSeed && (await seedDemoRegion({ db: handle.db }))) {
      await seedDemoCases({ db: handle.db, now: new Date(), config: { publicUrl: env.publicUrl } });
      logger.info("seeded the demo region VT Kennemerland with demo handovers");
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  logger.info({ driver: handle.driver }, "database ready");
  return handle;
}
