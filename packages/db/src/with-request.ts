import { sql } from "drizzle-orm";
import type { Database, Transaction } from "./client";

/**
 * The roles a transaction switches to (`SET LOCAL ROLE`, migration 0005, decision 007). None is a superuser or
 * owns a table, so the row-level policies apply to each of them, on PostgreSQL and PGlite alike. After the
 * transaction the connection is back to its login role.
 */
export const DATABASE_ROLES = {
  /** Every request: rows of the acting organisation, or addressed to it. */
  app: "ketenportaal_app",
  /** Finding out who calls, before an organisation is known: the identity tables only. */
  auth: "ketenportaal_auth",
  /** Background work that spans organisations: bridge tasks, deadline watch, demo seed, command line. */
  worker: "ketenportaal_worker",
} as const;

export type RequestActor = {
  userId?: string | null | undefined;
  organisationId?: string | null | undefined;
  serviceAccountId?: string | null | undefined;
  requestId?: string | null | undefined;
  /**
   * A partner no longer reads a handover that closed before this moment (`app.partner_access_cutoff`, migration
   * 0010). Unset: a partner reads no closed handover at all — the policy fails closed.
   */
  partnerAccessCutoff?: Date | null | undefined;
};

/**
 * Runs one request's database work in one transaction as the application role, with the acting user and
 * organisation set as transaction-local settings. Row-level policies bind to these settings.
 */
export async function withRequest<T>(
  db: Database,
  actor: RequestActor,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('role', ${DATABASE_ROLES.app}, true),
      set_config('app.user_id', ${actor.userId ?? ""}, true),
      set_config('app.organisation_id', ${actor.organisationId ?? ""}, true),
      set_config('app.service_account_id', ${actor.serviceAccountId ?? ""}, true),
      set_config('app.request_id', ${actor.requestId ?? ""}, true),
      set_config('app.partner_access_cutoff', ${actor.partnerAccessCutoff?.toISOString() ?? ""}, true),
      set_config('app.system_task', '', true)`);
    return work(tx);
  });
}

/**
 * Looks up who is calling — a session cookie, a partner system's token, a login — before an organisation is
 * known. The role reads and writes only users, memberships, organisations, teams, sessions and service accounts,
 * and appends to the audit log: no case data.
 */
export async function withAuthentication<T>(
  db: Database,
  options: { requestId?: string | null | undefined; userId?: string | null | undefined },
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('role', ${DATABASE_ROLES.auth}, true),
      set_config('app.user_id', ${options.userId ?? ""}, true),
      set_config('app.organisation_id', '', true),
      set_config('app.service_account_id', '', true),
      set_config('app.request_id', ${options.requestId ?? ""}, true),
      set_config('app.system_task', 'authentication', true)`);
    return work(tx);
  });
}
