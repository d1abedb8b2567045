import { sql } from "drizzle-orm";
import type { Database, Transaction } from "./client";
import { DATABASE_ROLES } from "./with-request";

/** The background tasks that may work across organisations (decision 007). Nothing else gets the worker role. */
export type SystemTask =
  | "outbox-relay"
  | "mail-delivery"
  | "deadline-watch"
  | "demo-seed"
  | "cli"
  | "metrics"
  | "webhook-fan-out"
  | "webhook-delivery"
  | "retention";

/**
 * Runs background work that legitimately spans organisations in one transaction as the worker role. Only the
 * bridge's tasks, the deadline watch, the demo seed and the command line call this; a lint rule keeps it out of
 * the API's routers and request context, so no request handler can reach it.
 */
export async function withSystemTask<T>(
  db: Database,
  options: { task: SystemTask; requestId?: string | null | undefined },
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('role', ${DATABASE_ROLES.worker}, true),
      set_config('app.user_id', '', true),
      set_config('app.organisation_id', '', true),
      set_config('app.service_account_id', '', true),
      set_config('app.request_id', ${options.requestId ?? options.task}, true),
      set_config('app.system_task', ${options.task}, true)`);
    return work(tx);
  });
}
