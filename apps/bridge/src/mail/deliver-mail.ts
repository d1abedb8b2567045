import { type Database, executeRows, mailOutbox, withRequest } from "@ketenportaal/db";
import type { MailTransport } from "@ketenportaal/mail";
import { eq, sql } from "drizzle-orm";

type DueRow = {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string;
  attempts: number;
};

export const MAX_MAIL_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;

/** The Message-ID of an e-mail row: the same on every attempt, so a re-send after a crash is recognisable. */
export function messageIdOf(rowId: string): string {
  return `<${rowId}@ketenportaal>`;
}

/** 30 s, 1 min, 2 min … capped at an hour, with up to 20% jitter so many rows do not retry in step. */
export function nextAttemptDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 + 0.2 * random()));
}

/**
 * Sends the e-mail rows that are due, in one claim transaction (`FOR UPDATE SKIP LOCKED`, so bridges can run side by
 * side and never send a row twice at the same time). A failed row gets a backoff, and after `maxAttempts` is marked
 * failed; it never stops the other rows. Returns what happened, for the task's outage logging.
 */
export async function deliverPendingMail(options: {
  db: Database;
  transport: MailTransport;
  now: Date;
  maxAttempts?: number;
  batchSize?: number;
}): Promise<{ sent: number; failed: number; lastError: string | null }> {
  const maxAttempts = options.maxAttempts ?? MAX_MAIL_ATTEMPTS;
  return withRequest(options.db, { requestId: "mail-delivery" }, async (tx) => {
    const due = await executeRows<DueRow>(
      tx,
      sql`select id, to_address, subject, body_text, body_html, attempts from mail_outbox
          where sent_at is null and failed_at is null and next_attempt_at <= ${options.now.toISOString()}::timestamptz
          order by next_attempt_at
          limit ${options.batchSize ?? 50}
          for update skip locked`,
    );
    const result = { sent: 0, failed: 0, lastError: null as string | null };
    for (const row of due) {
      const attempts = Number(row.attempts) + 1;
      try {
        await options.transport.send({
          to: row.to_address,
          subject: row.subject,
          text: row.body_text,
          html: row.body_html,
          messageId: messageIdOf(row.id),
        });
        await tx
          .update(mailOutbox)
          .set({ sentAt: options.now, attempts, lastError: null })
          .where(eq(mailOutbox.id, row.id));
        result.sent++;
      } catch (error) {
        // Only the error's kind and code: an SMTP reply may quote the address.
        const reason =
          error instanceof Error ? `${error.name}${"code" in error ? ` ${String(error.code)}` : ""}` : "error";
        result.failed++;
        result.lastError = reason;
        await tx
          .update(mailOutbox)
          .set({
            attempts,
            lastError: reason,
            nextAttemptAt: new Date(options.now.getTime() + nextAttemptDelayMs(attempts)),
            failedAt: attempts >= maxAttempts ? options.now : null,
          })
          .where(eq(mailOutbox.id, row.id));
      }
    }
    return result;
  });
}

/** Puts a failed e-mail back in the queue (the beheerder's "opnieuw versturen"). */
export async function retryFailedMail(options: { db: Database; id: string; now?: Date }): Promise<boolean> {
  const rows = await options.db
    .update(mailOutbox)
    .set({ failedAt: null, attempts: 0, lastError: null, nextAttemptAt: options.now ?? new Date() })
    .where(sql`${mailOutbox.id} = ${options.id} and ${mailOutbox.failedAt} is not null`)
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

/** Unsent, failed, and the age of the oldest unsent e-mail, for /metrics. */
export async function measureMailBacklog(options: { db: Database }) {
  const [row] = await executeRows<{ pending: number; failed: number; oldest_seconds: number | null }>(
    options.db,
    sql`select count(*) filter (where sent_at is null and failed_at is null)::int as pending,
               count(*) filter (where failed_at is not null)::int as failed,
               extract(epoch from (now() - min(created_at) filter (where sent_at is null and failed_at is null)))::float8
                 as oldest_seconds
        from mail_outbox`,
  );
  return { pending: row?.pending ?? 0, failed: row?.failed ?? 0, oldestSeconds: Math.max(0, row?.oldest_seconds ?? 0) };
}
