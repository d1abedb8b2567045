import { sql } from "drizzle-orm";
import type { Database, Transaction } from "./client";

export type RequestActor = {
  userId?: string | null | undefined;
  organisationId?: string | null | undefined;
  serviceAccountId?: string | null | undefined;
  requestId?: string | null | undefined;
};

/**
 * Runs one request's database work in one transaction, with the acting user and organisation set as
 * transaction-local settings. Row-level policies bind to these settings.
 */
export async function withRequest<T>(
  db: Database,
  actor: RequestActor,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('app.user_id', ${actor.userId ?? ""}, true),
      set_config('app.organisation_id', ${actor.organisationId ?? ""}, true),
      set_config('app.service_account_id', ${actor.serviceAccountId ?? ""}, true),
      set_config('app.request_id', ${actor.requestId ?? ""}, true)`);
    return work(tx);
  });
}
