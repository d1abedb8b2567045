import { serviceAccounts, type Transaction } from "@ketenportaal/db";
import { eq } from "drizzle-orm";
import { DomainRefusal } from "../errors";

/**
 * Revokes a service account's token from this moment on: the one place that does it, for the CLI and the beheer page
 * alike (each writes its own audit row). Refused when the account does not exist (or is not visible to the caller) or
 * was revoked before.
 */
export async function applyServiceAccountRevocation(options: {
  tx: Transaction;
  id: string;
  revokedAt: Date;
}): Promise<{ organisationId: string }> {
  const { tx, id, revokedAt } = options;
  const [account] = await tx
    .select({ organisationId: serviceAccounts.organisationId, revokedAt: serviceAccounts.revokedAt })
    .from(serviceAccounts)
    .where(eq(serviceAccounts.id, id));
  if (!account) throw new DomainRefusal("NOT_FOUND", "Er bestaat geen serviceaccount met dit id.");
  if (account.revokedAt) throw new DomainRefusal("CONFLICT", "Dit serviceaccount is al ingetrokken.");
  await tx.update(serviceAccounts).set({ revokedAt }).where(eq(serviceAccounts.id, id));
  return { organisationId: account.organisationId };
}
