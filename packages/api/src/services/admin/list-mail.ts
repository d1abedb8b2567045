import { mailOutbox } from "@ketenportaal/db";
import { messageIdOf } from "@ketenportaal/mail";
import { and, desc, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type { ZListMailResponse, ZMailStatus } from "../../routers/admin/admin.types";
import { auditAdminCall, requireFunctionalAdmin } from "./admin-access";

type MailStatus = z.infer<typeof ZMailStatus>;
type MailPage = z.infer<typeof ZListMailResponse>;

/** The statuses as the bridge leaves them: sent has `sent_at`, failed has `failed_at`, anything else waits. */
const statusCondition: Record<MailStatus, SQL> = {
  pending: and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt)) ?? sql`false`,
  sent: isNotNull(mailOutbox.sentAt),
  failed: and(isNull(mailOutbox.sentAt), isNotNull(mailOutbox.failedAt)) ?? sql`false`,
};

export function mailStatusOf(row: { sentAt: Date | null; failedAt: Date | null }): MailStatus {
  if (row.sentAt) return "sent";
  if (row.failedAt) return "failed";
  return "pending";
}

/**
 * The e-mail the portal sent or is about to send, newest first, for the beheerder: recipient, subject, status and
 * what went wrong, never the bodies. Paged by (created_at, id) compared in the database, so rows written in one
 * transaction (same created_at) are neither skipped nor repeated, whatever precision a JavaScript date has.
 */
export async function listMail(options: {
  ctx: AuthedContext;
  filters: { status?: MailStatus | undefined; cursor?: string | undefined; limit: number };
}): Promise<MailPage> {
  const { ctx, filters } = options;
  requireFunctionalAdmin(ctx);

  const conditions: SQL[] = [];
  if (filters.status) conditions.push(statusCondition[filters.status]);
  if (filters.cursor) {
    conditions.push(
      sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) < (select m.created_at, m.id from mail_outbox m where m.id = ${filters.cursor})`,
    );
  }
  const rows = await ctx.tx
    .select({
      id: mailOutbox.id,
      toAddress: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
      failedAt: mailOutbox.failedAt,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      messageId: mailOutbox.messageId,
    })
    .from(mailOutbox)
    .where(and(...conditions))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(filters.limit + 1);
  const [counts] = await ctx.tx
    .select({
      pending: sql<number>`count(*) filter (where ${statusCondition.pending})::int`,
      sent: sql<number>`count(*) filter (where ${statusCondition.sent})::int`,
      failed: sql<number>`count(*) filter (where ${statusCondition.failed})::int`,
    })
    .from(mailOutbox);

  await auditAdminCall(ctx, { action: "read", objectType: "mail" });

  const items = rows.slice(0, filters.limit).map((row) => ({
    ...row,
    status: mailStatusOf(row),
    messageId: row.messageId ?? messageIdOf(row.id),
  }));
  return {
    items,
    nextCursor: rows.length > filters.limit ? (items.at(-1)?.id ?? null) : null,
    counts: { pending: counts?.pending ?? 0, sent: counts?.sent ?? 0, failed: counts?.failed ?? 0 },
  };
}
