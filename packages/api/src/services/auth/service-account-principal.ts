import { type Database, organisations, serviceAccounts, withAuthentication } from "@ketenportaal/db";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Principal } from "./principal";
import { hashToken } from "./tokens";

const TOUCH_AFTER_MS = 60 * 1000;

/** The partner system behind a Bearer token, or null when the token is unknown, revoked or expired. */
export async function findServiceAccountPrincipal(options: {
  db: Database;
  token: string;
  now?: Date;
}): Promise<Extract<Principal, { kind: "service_account" }> | null> {
  const now = options.now ?? new Date();
  // Before the token is known there is no organisation to act for: the authentication role (identity tables only).
  return withAuthentication(options.db, {}, async (tx) => {
    const [row] = await tx
      .select({
        id: serviceAccounts.id,
        name: serviceAccounts.name,
        lastUsedAt: serviceAccounts.lastUsedAt,
        organisation: {
          id: organisations.id,
          slug: organisations.slug,
          name: organisations.name,
          kind: organisations.kind,
        },
      })
      .from(serviceAccounts)
      .innerJoin(organisations, eq(organisations.id, serviceAccounts.organisationId))
      .where(
        and(
          eq(serviceAccounts.tokenHash, hashToken(options.token)),
          isNull(serviceAccounts.revokedAt),
          or(isNull(serviceAccounts.expiresAt), gt(serviceAccounts.expiresAt, now)),
          eq(organisations.active, true),
        ),
      )
      .limit(1);
    if (!row) return null;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
      await tx
        .update(serviceAccounts)
        .set({ lastUsedAt: now })
        .where(
          and(
            eq(serviceAccounts.id, row.id),
            or(isNull(serviceAccounts.lastUsedAt), lt(serviceAccounts.lastUsedAt, now)),
          ),
        );
    }
    return {
      kind: "service_account",
      serviceAccountId: row.id,
      name: row.name,
      organisation: row.organisation,
      roles: [],
    };
  });
}
