import { executeRows, organisations, serviceAccounts, type Transaction } from "@ketenportaal/db";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { generateToken, hashToken } from "../auth/tokens";
import { DomainRefusal } from "../errors";

/** Every partner system's token starts with this, so a leaked one is recognisable in a secret scanner. */
export const SERVICE_ACCOUNT_TOKEN_PREFIX = "kpsa_";

/**
 * Creates a partner system's account for one organisation: the one place that does it, for the CLI and the beheer
 * page alike (each checks its own input and writes its own audit row). The token is returned once; only its SHA-256
 * hash is stored. Refused when the organisation does not exist or is not active, or when it already has an active
 * account (neither revoked nor expired) with this name, case-insensitively: two systems of one organisation under one
 * name cannot be told apart in the list, on the audit log or when one must be revoked. The organisation's row is
 * locked for the check, so two creations at once cannot both pass it.
 */
export async function insertServiceAccount(options: {
  tx: Transaction;
  organisationId: string;
  name: string;
  expiresAt: Date | null;
  now: Date;
}): Promise<{ id: string; token: string }> {
  const { tx, organisationId, name, expiresAt, now } = options;
  const [organisation] = await tx
    .select({ id: organisations.id, active: organisations.active })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for("update");
  if (!organisation) refuse("NOT_FOUND", "organisationId", "Deze organisatie bestaat niet.");
  if (!organisation.active) {
    refuse("BAD_REQUEST", "organisationId", "Deze organisatie is niet actief; kies een actieve organisatie.");
  }
  const [sameName] = await tx
    .select({ id: serviceAccounts.id })
    .from(serviceAccounts)
    .where(
      and(
        eq(serviceAccounts.organisationId, organisationId),
        sql`lower(${serviceAccounts.name}) = lower(${name})`,
        isNull(serviceAccounts.revokedAt),
        or(isNull(serviceAccounts.expiresAt), gt(serviceAccounts.expiresAt, now)),
      ),
    )
    .limit(1);
  if (sameName) {
    refuse(
      "CONFLICT",
      "name",
      "Deze organisatie heeft al een actieve koppeling met deze naam. Kies een andere naam, of trek de bestaande " +
        "koppeling eerst in.",
    );
  }
  const token = generateToken(SERVICE_ACCOUNT_TOKEN_PREFIX);
  // Plain SQL naming only the columns written: the app role may insert these and no others (migration 0028), and the
  // query builder would name every column.
  const [account] = await executeRows<{ id: string }>(
    tx,
    sql`insert into service_accounts (organisation_id, name, token_hash, created_at, expires_at)
        values (${organisationId}, ${name}, ${hashToken(token)}, ${now.toISOString()}::timestamptz,
                ${expiresAt?.toISOString() ?? null}::timestamptz)
        returning id`,
  );
  if (!account) throw new Error("service account insert returned nothing");
  return { id: account.id, token };
}

function refuse(code: "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT", field: string, message: string): never {
  throw new DomainRefusal(code, message, { fieldErrors: { [field]: [message] } });
}
