import { auditLog, type Queryable } from "@ketenportaal/db";
import type { AuthedContext } from "../../context";

export type AuditEntry = typeof auditLog.$inferInsert;

/** Appends one row to the NEN 7513 audit log, inside the caller's transaction. */
export async function writeAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}

/**
 * One read row per list call (NEN 7513: what was shown to whom): the ids shown, space-separated in `object_id`,
 * under `<objectType>.list`.
 */
export async function writeListAudit(
  ctx: AuthedContext,
  entry: { purpose: string; objectType: string; ids: readonly string[] },
): Promise<void> {
  const { principal } = ctx;
  await writeAudit(ctx.tx, {
    userId: principal.kind === "user" ? principal.user.id : null,
    serviceAccountId: principal.kind === "service_account" ? principal.serviceAccountId : null,
    organisationId: principal.organisation.id,
    role: principal.roles.join(",") || null,
    purpose: entry.purpose,
    action: "read",
    objectType: `${entry.objectType}.list`,
    objectId: entry.ids.length > 0 ? entry.ids.join(" ") : null,
    outcome: "success",
    requestId: ctx.meta.requestId,
    clientAddress: ctx.meta.clientAddress,
  });
}
