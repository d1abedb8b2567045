import type { AuthedContext } from "../../context";
import { writeAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";

/**
 * The beheer pages show the system's plumbing (every organisation's events and e-mail addresses), so only the
 * functioneel beheerder may see them; a partner coördinator has a "Beheer" section for their own team, not this.
 */
export function requireFunctionalAdmin(ctx: AuthedContext): void {
  if (!ctx.principal.roles.includes("functional_admin")) {
    throw new DomainRefusal("FORBIDDEN", "Alleen een functioneel beheerder heeft toegang tot deze beheerfunctie.");
  }
}

/** One audit row per beheer call, in the call's transaction: who looked at or changed what. */
export async function auditAdminCall(
  ctx: AuthedContext,
  entry: {
    action: "read" | "execute";
    objectType: "outbox" | "mail" | "service_account" | "webhook_delivery";
    objectId?: string | null;
  },
): Promise<void> {
  const { principal } = ctx;
  await writeAudit(ctx.tx, {
    userId: principal.kind === "user" ? principal.user.id : null,
    serviceAccountId: principal.kind === "service_account" ? principal.serviceAccountId : null,
    organisationId: principal.organisation.id,
    role: principal.roles.join(",") || null,
    purpose: "beheer",
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    outcome: "success",
    requestId: ctx.meta.requestId,
    clientAddress: ctx.meta.clientAddress,
  });
}
