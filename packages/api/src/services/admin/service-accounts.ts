import { organisations, serviceAccounts } from "@ketenportaal/db";
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type {
  ZListServiceAccountsResponse,
  ZRevokeServiceAccountResponse,
  ZServiceAccount,
} from "../../routers/admin/admin.types";
import { applyServiceAccountRevocation } from "../accounts/revoke-service-account";
import { auditAdminCall, requireFunctionalAdmin } from "./admin-access";

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
