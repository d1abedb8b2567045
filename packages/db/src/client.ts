import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres, { type Sql } from "postgres";
import { type DataDirLock, lockDataDir } from "./data-dir-lock";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or a transaction on it. */
export type Queryable = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  driver: "postgres" | "pglite";
  /** Applies the committed migrations; safe to call on every start. */
  migrate: () => Promise<void>;
  /** LISTEN on a channel; the callback runs for every NOTIFY after commit. Resolves to an unsubscribe. */
  listen: (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
};

export type CreateDatabaseOptions = {
  /** PostgreSQL connection string; without it the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files (and its process lock). */
  dataDir?: string | undefined;
  /** Connections in the postgres.js pool. */
  poolSize?: number | undefined;
  /** Shown to a second process that finds the embedded database locked. */
  command?: string | undefined;
};

export const migrationsFolder = join(
  dirname(createRequire(import.meta.url).resolve("@ketenportaal/db/package.json")),
  "migrations",
);

/** Session advisory lock that serialises migrations of several processes starting at once. */
const MIGRATION_LOCK_KEY = 7_411_203_771;

export async function createDatabase(options: CreateDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      connection: { application_name: "ketenportaal" },
    });
    const db = drizzlePostgres(preparedStatements(client), { schema, casing: "snake_case" });
    return {
      db: db as unknown as Database,
      driver: "postgres",
      migrate: async () => {
        // Servers and bridges all migrate on start; one at a time, the others then find nothing left to do.
        const connection = await client.reserve();
        try {
          await connection`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
          await migratePostgres(db, { migrationsFolder });
        } finally {
          await connection`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
          connection.release();
        }
      },
      listen: async (channel, onNotify) => {
        const subscription = await client.listen(channel, () => onNotify());
        return () => subscription.unlisten();
      },
      close: () => client.end({ timeout: 5 }),
    };
  }

  const dataDir = resolve(options.dataDir ?? ".data");
  const lock: DataDirLock = lockDataDir({ dataDir, command: options.command });
  let client: PGlite;
  try {
    client = await PGlite.create(join(dataDir, "pglite"));
  } catch (error) {
    lock.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  return {
    db: db as unknown as Database,
    driver: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    listen: (channel, onNotify) => client.listen(channel, () => onNotify()),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

/**
 * Drizzle sends every query through postgres.js `unsafe`, which it leaves unnamed unless the query was built with
 * `.prepare(name)`. An unnamed query with parameters costs two round trips (Parse + Describe, then Bind + Execute),
 * and PostgreSQL plans it anew each time — with the row-level policies that is most of the database's work per
 * request (docs/performance.md). This makes every such query a named prepared statement, cached per connection by
 * its text: one round trip and a cached plan from then on. Plans stay correct per request: the policies compare
 * columns with `current_setting(...)`, which the plan evaluates at execution, and PostgreSQL re-plans a cached
 * statement when the role it runs under changes. Applies inside transactions and savepoints too.
 */
function preparedStatements(sql: Sql): Sql {
  const prepareAll = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver) as (...args: unknown[]) => unknown;
        if (property === "unsafe") {
          return (query: string, parameters?: unknown[], options?: Record<string, unknown>) =>
            value(query, parameters, { ...options, prepare: true });
        }
        if (property === "begin" || property === "savepoint") {
          // drizzle calls begin(fn) and savepoint(fn): the callback's scoped client gets the same treatment.
          return (...args: unknown[]) => {
            const fn = args.pop() as (scoped: object) => unknown;
            return value(...args, (scoped: object) => fn(prepareAll(scoped)));
          };
        }
        return value;
      },
    });
  return prepareAll(sql);
}

/** `execute` answers an array on postgres.js and `{ rows }` on PGlite; this gives rows on both. */
export async function executeRows<T = Record<string, unknown>>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
