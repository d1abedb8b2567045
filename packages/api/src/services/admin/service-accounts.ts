import { organisations, serviceAccounts } from "@ketenportaal/db";
import { endOfAmsterdamDay, isValidLocalDate, toAmsterdamDate } from "@ketenportaal/domain";
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import {
  SERVICE_ACCOUNT_DEFAULT_YEARS,
  SERVICE_ACCOUNT_MAX_YEARS,
  type ZCreateServiceAccountRequest,
  type ZCreateServiceAccountResponse,
  type ZListServiceAccountsResponse,
  type ZRevokeServiceAccountResponse,
  type ZServiceAccount,
  type ZServiceAccountExpiryBounds,
} from "../../routers/admin/admin.types";
import { insertServiceAccount } from "../accounts/create-service-account";
import { applyServiceAccountRevocation } from "../accounts/revoke-service-account";
import { auditActorOf, writeAudit } from "../audit/write-audit";
import { auditAdminCall, requireFunctionalAdmin } from "./admin-access";
import { refuseField, requireVtFunctionalAdmin } from "./organisation-admin-access";

type ServiceAccountView = z.infer<typeof ZServiceAccount>;

function statusOf(row: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ServiceAccountView["status"] {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "active";
}

/** Every partner system's access, by organisation and name; one audit row with the ids shown. */
export async function listServiceAccounts(options: {
  ctx: AuthedContext;
}): Promise<z.infer<typeof ZListServiceAccountsResponse>> {
  const { ctx } = options;
  requireFunctionalAdmin(ctx);
  const rows = await ctx.tx
    .select({
      id: serviceAccounts.id,
      name: serviceAccounts.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
      createdAt: serviceAccounts.createdAt,
      expiresAt: serviceAccounts.expiresAt,
      revokedAt: serviceAccounts.revokedAt,
      lastUsedAt: serviceAccounts.lastUsedAt,
    })
    .from(serviceAccounts)
    .innerJoin(organisations, eq(organisations.id, serviceAccounts.organisationId))
    .orderBy(asc(organisations.name), asc(serviceAccounts.name));
  const now = ctx.now();
  await auditAdminCall(ctx, {
    action: "read",
    objectType: "service_account",
    objectId: rows.map((row) => row.id).join(" ") || null,
  });
  return {
    expiryBounds: serviceAccountExpiryBounds(now),
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      organisation: { id: row.organisationId, name: row.organisationName },
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      revokedAt: row.revokedAt,
      lastUsedAt: row.lastUsedAt,
      status: statusOf(row, now),
    })),
  };
}

/** Ends a partner system's access at once: its token is refused from the next request on. */
export async function revokeServiceAccountAsAdmin(options: {
  ctx: AuthedContext;
  id: string;
}): Promise<z.infer<typeof ZRevokeServiceAccountResponse>> {
  const { ctx, id } = options;
  requireFunctionalAdmin(ctx);
  const revokedAt = ctx.now();
  await applyServiceAccountRevocation({ tx: ctx.tx, id, revokedAt });
  await auditAdminCall(ctx, { action: "execute", objectType: "service_account", objectId: id });
  return { id, revokedAt };
}

/** The same calendar date some years on (29 February becomes 28 February in a common year). */
function yearsAhead(date: string, years: number): string {
  const [year, month, day] = date.split("-");
  const later = `${Number(year) + years}-${month}-${day}`;
  return isValidLocalDate({ date: later }) ? later : `${Number(year) + years}-${month}-28`;
}

/**
 * The expiry a new account may get, as calendar dates in Amsterdam: from tomorrow up to the same date two years on;
 * the beheer page proposes a year. The token works up to and including that day.
 */
export function serviceAccountExpiryBounds(now: Date): z.infer<typeof ZServiceAccountExpiryBounds> {
  const today = toAmsterdamDate({ instant: now });
  return {
    earliestOn: toAmsterdamDate({ instant: endOfAmsterdamDay({ date: today }) }),
    defaultOn: yearsAhead(today, SERVICE_ACCOUNT_DEFAULT_YEARS),
    latestOn: yearsAhead(today, SERVICE_ACCOUNT_MAX_YEARS),
  };
}

/**
 * admin.serviceAccounts.create: a new partner system's access for one active organisation, by the VT organisation's
 * functioneel beheerder only (decision 021). The token works up to and including `expiresOn` (Amsterdam), which lies
 * after today and at most two years ahead. The token is in the response only; the audit row names the account, the
 * organisation and the expiry, never the token.
 */
export async function createServiceAccountAsAdmin(options: {
  ctx: AuthedContext;
  input: z.infer<typeof ZCreateServiceAccountRequest>;
}): Promise<z.infer<typeof ZCreateServiceAccountResponse>> {
  const { ctx, input } = options;
  requireVtFunctionalAdmin(ctx, "Koppelingen worden aangemaakt door de functioneel beheerder van Veilig Thuis.");
  const now = ctx.now();
  const bounds = serviceAccountExpiryBounds(now);
  // Calendar dates as YYYY-MM-DD compare as strings.
  if (input.expiresOn < bounds.earliestOn) refuseField("expiresOn", "Kies een vervaldatum na vandaag.");
  if (input.expiresOn > bounds.latestOn) {
    refuseField("expiresOn", "Kies een vervaldatum binnen twee jaar; daarna krijgt het systeem een nieuw token.");
  }
  const expiresAt = endOfAmsterdamDay({ date: input.expiresOn });
  const account = await insertServiceAccount({
    tx: ctx.tx,
    organisationId: input.organisationId,
    name: input.name,
    expiresAt,
    now,
  });
  const [organisation] = await ctx.tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation) throw new Error("organisation vanished after the service account insert");
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "beheer",
    action: "create",
    objectType: "service_account",
    objectId: `${account.id} created: organisation ${organisation.id}, expires ${expiresAt.toISOString()}`,
    outcome: "success",
  });
  return { id: account.id, name: input.name, organisation, expiresAt, token: account.token };
}
