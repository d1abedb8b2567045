import { organisations, outbox, webhookDeliveries, webhookSubscriptions } from "@ketenportaal/db";
import { and, count, desc, eq, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type {
  ZListWebhookDeliveriesResponse,
  ZResendWebhookDeliveryResponse,
  ZWebhookDeliveryStatus,
} from "../../routers/webhook/webhook.types";
import { auditAdminCall, requireFunctionalAdmin } from "../admin/admin-access";
import { DomainRefusal } from "../errors";

/**
 * Webhook deliveries for the beheerder, newest first: which event went to which abonnement, how many attempts, the
 * receiver's last status code or our error code. Never a body or a credential.
 */
export async function listWebhookDeliveries(options: {
  ctx: AuthedContext;
  filters: {
    status?: z.infer<typeof ZWebhookDeliveryStatus> | undefined;
    subscriptionId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  };
}): Promise<z.infer<typeof ZListWebhookDeliveriesResponse>> {
  const { ctx, filters } = options;
  requireFunctionalAdmin(ctx);
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(webhookDeliveries.status, filters.status));
  if (filters.subscriptionId) conditions.push(eq(webhookDeliveries.subscriptionId, filters.subscriptionId));
  if (filters.cursor) {
    const [cursor] = await ctx.tx
      .select({ createdAt: webhookDeliveries.createdAt, position: webhookDeliveries.outboxPosition })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, filters.cursor));
    if (cursor) conditions.push(lt(webhookDeliveries.outboxPosition, cursor.position));
  }
  const rows = await ctx.tx
    .select({
      id: webhookDeliveries.id,
      subscriptionId: webhookDeliveries.subscriptionId,
      organisationId: organisations.id,
      organisationName: organisations.name,
      callbackUrl: webhookSubscriptions.callbackUrl,
      eventId: outbox.id,
      eventType: outbox.eventType,
      aggregateId: outbox.aggregateId,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      failedAt: webhookDeliveries.failedAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .innerJoin(organisations, eq(organisations.id, webhookSubscriptions.organisationId))
    .innerJoin(outbox, eq(outbox.id, webhookDeliveries.outboxEventId))
    .where(and(...conditions))
    // Outbox order, newest first: deliveries of one event to several abonnementen stay together.
    .orderBy(desc(webhookDeliveries.outboxPosition), desc(webhookDeliveries.id))
    .limit(filters.limit + 1);
  const totals = await ctx.tx
    .select({ status: webhookDeliveries.status, count: count() })
    .from(webhookDeliveries)
    .groupBy(webhookDeliveries.status);
  const counts = { pending: 0, delivered: 0, failed: 0 };
  for (const total of totals) counts[total.status] = total.count;
  await auditAdminCall(ctx, {
    action: "read",
    objectType: "webhook_delivery",
    objectId: filters.subscriptionId ?? null,
  });
  const items = rows.slice(0, filters.limit).map(({ organisationId, organisationName, ...row }) => ({
    ...row,
    organisation: { id: organisationId, name: organisationName },
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > filters.limit && last ? last.id : null, counts };
}

/**
 * "Opnieuw versturen": a parked (failed) delivery becomes due now with a fresh count of attempts, under the same
 * event id; it keeps its place in the abonnement's order. A suspended abonnement is active again — the beheerder
 * re-sends once the receiver is fixed. Anything not failed is refused with a conflict and left as it is.
 */
export async function resendWebhookDelivery(options: {
  ctx: AuthedContext;
  id: string;
}): Promise<z.infer<typeof ZResendWebhookDeliveryResponse>> {
  const { ctx, id } = options;
  requireFunctionalAdmin(ctx);
  const now = ctx.now();
  const [row] = await ctx.tx
    .select({ status: webhookDeliveries.status, subscriptionId: webhookDeliveries.subscriptionId })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.id, id));
  if (!row) throw new DomainRefusal("NOT_FOUND", "Deze webhook-aflevering bestaat niet.");
  if (row.status !== "failed") {
    throw new DomainRefusal(
      "CONFLICT",
      row.status === "delivered"
        ? "Deze aflevering is niet mislukt: ze is al afgeleverd. Opnieuw versturen kan alleen na een mislukte aflevering."
        : "Deze aflevering is niet mislukt: ze wacht nog op verzending. Opnieuw versturen kan alleen na een mislukte aflevering.",
    );
  }
  await ctx.tx
    .update(webhookDeliveries)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, failedAt: null })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "failed")));
  const reactivated = await ctx.tx
    .update(webhookSubscriptions)
    .set({ status: "active", consecutiveFailures: 0, suspendedAt: null, updatedAt: now })
    .where(and(eq(webhookSubscriptions.id, row.subscriptionId), eq(webhookSubscriptions.status, "suspended")))
    .returning({ id: webhookSubscriptions.id });
  await auditAdminCall(ctx, { action: "execute", objectType: "webhook_delivery", objectId: id });
  return { id, status: "pending", nextAttemptAt: now, subscriptionReactivated: reactivated.length > 0 };
}
