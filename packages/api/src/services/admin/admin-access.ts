import type { AuthedContext } from "../../context";
import { auditActorOf, writeAudit } from "../audit/write-audit";
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
    objectType: "outbox" | "mail" | "service_account" | "webhook_delivery" | "organisation" | "team";
    objectId?: string | null;
  },
): Promise<void> {
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "beheer",
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    outcome: "success",
  });
}
