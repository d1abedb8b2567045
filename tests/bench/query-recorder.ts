import type { Database } from "@ketenportaal/db";
import * as schema from "@ketenportaal/db";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

export type RecordedQuery = { sql: string; params: unknown[] };

/**
 * A database handle like the server's (postgres.js + drizzle, snake_case) that records every statement it sends,
 * with its parameters: the SQL the app actually issues, for EXPLAIN and for counting queries.
 */
export function createRecordingDatabase(url: string) {
  const queries: RecordedQuery[] = [];
  const client = postgres(url, { max: 2, onnotice: () => {} });
  const db = drizzle(client, {
    schema,
    casing: "snake_case",
    logger: { logQuery: (query, params) => queries.push({ sql: query, params }) },
  }) as unknown as Database;
  return {
    db,
    client,
    queries,
    /** Runs `work` and returns the statements it sent. */
    record: async <T>(work: () => Promise<T>): Promise<{ result: T; queries: RecordedQuery[] }> => {
      const from = queries.length;
      const result = await work();
      return { result, queries: queries.slice(from) };
    },
    close: () => client.end({ timeout: 5 }),
  };
}
