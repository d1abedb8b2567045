import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDatabase, type Database } from "../client";
import { testEnv } from "./env";

export type TestDatabase = {
  name: string;
  url: string;
  db: Database;
  /** Closes the connections and drops the database. */
  drop: () => Promise<void>;
};

/** Connection string of a database on the test server. */
export function testDatabaseUrl(name: string): string {
  const url = new URL(testEnv.TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database on the machine's PostgreSQL, optionally migrated. Each caller gets its own. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `kp_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(testEnv.TEST_PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = testDatabaseUrl(name);
  const handle = await createDatabase({ databaseUrl: url, poolSize: 4 });
  if (options.migrate !== false) await handle.migrate();
  return {
    name,
    url,
    db: handle.db,
    drop: async () => {
      await handle.close();
      await dropTestDatabase(name);
    },
  };
}

export async function dropTestDatabase(name: string): Promise<void> {
  const admin = postgres(testEnv.TEST_PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
