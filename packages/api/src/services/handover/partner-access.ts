import type { ApiConfig } from "../../context";

/** How long a partner still reads its copy of a handover after it closed, unless configured otherwise. */
export const DEFAULT_PARTNER_ACCESS_AFTER_CLOSE_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The moment before which a closed handover is no longer readable to the partner it was addressed to: `now` minus
 * the configured period. It reaches the database as the transaction-local `app.partner_access_cutoff`, and the
 * row-level policy on `handovers` (migration 0010) applies it to every read — list, get, the REST API, the case a
 * partner sees through the handover — so no query can forget it. VT (the owner) is not affected.
 */
export function partnerAccessCutoffOf({ now, config }: { now: Date; config: ApiConfig }): Date {
  const days = config.partnerAccessAfterCloseDays ?? DEFAULT_PARTNER_ACCESS_AFTER_CLOSE_DAYS;
  return new Date(now.getTime() - days * DAY_MS);
}
