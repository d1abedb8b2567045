import { outbox } from "@ketenportaal/db";
import { and, count, desc, eq, isNotNull, isNull, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type { ZListOutboxEventsResponse } from "../../routers/admin/admin.types";
import { auditAdminCall, requireFunctionalAdmin } from "./admin-access";

type OutboxEventPage = z.infer<typeof ZListOutboxEventsResponse>;

/**
 * The outbox for the beheerder, newest first: what was announced about which aggregate, on which topic, and whether
 * the relay has published it. Without KAFKA_BROKERS nothing is published and this is where events can be seen.
 * Paged by `position` (insert order, unique), so a page never skips or repeats a row however many share a moment.
 */
export async function listOutboxEvents(options: {
  ctx: AuthedContext;
  filters: {
    published?: boolean | undefined;
    aggregateId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  };
}): Promise<OutboxEventPage> {
  const { ctx, filters } = options;
  requireFunctionalAdmin(ctx);

  const conditions: SQL[] = [];
  if (filters.published === true) conditions.push(isNotNull(outbox.publishedAt));
  if (filters.published === false) conditions.push(isNull(outbox.publishedAt));
  if (filters.aggregateId) conditions.push(eq(outbox.aggregateId, filters.aggregateId));
  if (filters.cursor) conditions.push(lt(outbox.position, Number(filters.cursor)));

  const rows = await ctx.tx
    .select()
    .from(outbox)
    .where(and(...conditions))
    .orderBy(desc(outbox.position))
    .limit(filters.limit + 1);
  const [backlog] = await ctx.tx.select({ count: count() }).from(outbox).where(isNull(outbox.publishedAt));

  await auditAdminCall(ctx, { action: "read", objectType: "outbox", objectId: filters.aggregateId ?? null });

  const items = rows.slice(0, filters.limit).map((row) => ({
    id: row.id,
    position: row.position,
    eventType: row.eventType,
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    sequence: row.sequence,
    topic: row.topic,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    attempts: row.attempts,
    payload: isRecord(row.payload) ? row.payload : {},
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > filters.limit && last ? String(last.position) : null,
    unpublishedCount: backlog?.count ?? 0,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
