import { auditLog, type Queryable } from "@ketenportaal/db";
import type { AuthedContext } from "../../context";
import type { RequestMeta } from "../auth/log-in";
import type { Principal } from "../auth/principal";

export type AuditEntry = typeof auditLog.$inferInsert;

/** Appends one row to the NEN 7513 audit log, inside the caller's transaction. */
export async function writeAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}

/** Who acts and from where, as every audit row of a request records it. */
export function auditActorOf(ctx: { principal: Principal; meta: RequestMeta }) {
  const { principal } = ctx;
  return {
    userId: principal.kind === "user" ? principal.user.id : null,
    serviceAccountId: principal.kind === "service_account" ? principal.serviceAccountId : null,
    organisationId: principal.organisation.id,
    role: principal.roles.join(",") || null,
    requestId: ctx.meta.requestId,
    clientAddress: ctx.meta.clientAddress,
  };
}

/**
 * One read row per list call (NEN 7513: what was shown to whom): the ids shown, space-separated in `object_id`,
 * under `<objectType>.list`.
 */
export async function writeListAudit(
  ctx: AuthedContext,
  entry: { purpose: string; objectType: string; ids: readonly string[] },
): Promise<void> {
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: entry.purpose,
    action: "read",
    objectType: `${entry.objectType}.list`,
    objectId: entry.ids.length > 0 ? entry.ids.join(" ") : null,
    outcome: "success",
  });
}
