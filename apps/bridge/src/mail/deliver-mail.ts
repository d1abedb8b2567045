import { type Database, executeRows, mailOutbox, type Transaction } from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { type MailTransport, messageIdOf } from "@ketenportaal/mail";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { BridgeLogger } from "../bridge";

type ClaimedRow = {
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
/** Sends at the same time: as many as the SMTP transport's pooled connections, which would otherwise sit idle. */
const SENDS_IN_FLIGHT = 2;

/**
 * How long a claimed row is invisible to other deliverers. The row lock is NOT held while talking to the mail server:
 * on the embedded database every query of the portal would wait for the SMTP conversation. The claim commits at once
 * and this lease keeps other bridges away; it must outlast one batch of sends with the transport's timeouts. A crash
 * after a send leaves the row claimed, and it is sent again — with the same Message-ID — once the lease ends.
 */
export const MAIL_CLAIM_LEASE_MS = 15 * 60 * 1000;

// Lives in the mail package because the beheer pages show it too; re-exported for the bridge's callers.
export { messageIdOf };

/** 30 s after the first attempt, then 1 min, 2 min … capped at an hour, plus up to 20% jitter so rows spread out. */
export function nextAttemptDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 + 0.2 * random()));
}

/**
 * What a send error may say in `last_error` and in a log line: nodemailer's code and the SMTP reply code, never the
 * message (an SMTP reply quotes the address). `outage` is false only when the server answered about this one message
 * (a refused recipient or content): then the other rows can still go.
 */
export function describeSendError(error: unknown): { reason: string; outage: boolean } {
  const { code, responseCode } = (typeof error === "object" && error !== null ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
  };
  const safeCode = typeof code === "string" && /^[A-Z0-9_]{1,32}$/.test(code) ? code : "ESEND";
  const reply = typeof responseCode === "number" ? ` ${responseCode}` : "";
  return { reason: `${safeCode}${reply}`, outage: safeCode !== "EENVELOPE" && safeCode !== "EMESSAGE" };
}

export type MailDeliveryResult = {
  /** Rows claimed in this batch. */
  claimed: number;
  sent: number;
  /** Attempts that failed (rows that wait with a backoff, or were given up). */
  failed: number;
  /** Rows marked failed because this was their last attempt. */
  givenUp: number;
  /** The reason when the transport itself failed (server unreachable, refused login, disk full); else null. */
  outage: string | null;
};

/**
 * Sends one batch of due e-mail rows. The claim (`FOR UPDATE SKIP LOCKED`, counting the attempt and moving
 * `next_attempt_at` a lease ahead) commits before any send, so deliverers side by side never take the same row and no
 * transaction stays open during SMTP. A row the server refuses gets a backoff without holding up the others; when the
 * transport itself fails, the rest of the batch is not tried (each would wait for the same timeout) and backs off too.
 * After `maxAttempts` a row is marked failed. Returns counts for the task's once-per-outage logging.
 */
export async function deliverPendingMail(options: {
  db: Database;
  transport: MailTransport;
  now: Date;
  maxAttempts?: number;
  batchSize?: number;
  logger?: BridgeLogger;
}): Promise<MailDeliveryResult> {
  const { db, transport, now } = options;
  const maxAttempts = options.maxAttempts ?? MAX_MAIL_ATTEMPTS;
  // Each statement its own short transaction as the worker role: none is held open while SMTP talks.
  const asWorker = <T>(work: (tx: Transaction) => Promise<T>) => withSystemTask(db, { task: "mail-delivery" }, work);
  const claimed = await asWorker((tx) =>
    executeRows<ClaimedRow>(
      tx,
      sql`update mail_outbox m
        set attempts = m.attempts + 1,
            next_attempt_at = ${new Date(now.getTime() + MAIL_CLAIM_LEASE_MS).toISOString()}::timestamptz
        from (select id from mail_outbox
              where sent_at is null and failed_at is null and next_attempt_at <= ${now.toISOString()}::timestamptz
              order by next_attempt_at
              limit ${options.batchSize ?? 50}
              for update skip locked) due
        where m.id = due.id
        returning m.id, m.to_address, m.subject, m.body_text, m.body_html, m.attempts`,
    ),
  );

  const result: MailDeliveryResult = { claimed: claimed.length, sent: 0, failed: 0, givenUp: 0, outage: null };
  const givenUp: string[] = [];
  const deliverRow = async (row: ClaimedRow) => {
    const attempts = Number(row.attempts);
    let reason = result.outage;
    if (reason === null) {
      try {
        const { messageId } = await transport.send({
          to: row.to_address,
          subject: row.subject,
          text: row.body_text,
          html: row.body_html,
          messageId: messageIdOf(row.id),
        });
        await asWorker((tx) =>
          tx
            .update(mailOutbox)
            .set({ sentAt: now, messageId, lastError: null })
            .where(and(eq(mailOutbox.id, row.id), isNull(mailOutbox.sentAt))),
        );
        result.sent++;
        return;
      } catch (error) {
        const described = describeSendError(error);
        reason = described.reason;
        if (described.outage) result.outage ??= described.reason;
      }
    }
    // Also reached, untried, for the rest of the batch once the transport failed: the attempt was spent on the outage.
    const last = attempts >= maxAttempts;
    await asWorker((tx) =>
      tx
        .update(mailOutbox)
        .set({
          lastError: reason,
          nextAttemptAt: new Date(now.getTime() + nextAttemptDelayMs(attempts)),
          failedAt: last ? now : null,
        })
        .where(and(eq(mailOutbox.id, row.id), isNull(mailOutbox.sentAt))),
    );
    result.failed++;
    if (last) givenUp.push(row.id);
  };
  let next = 0;
  const worker = async () => {
    for (let row = claimed[next++]; row !== undefined; row = claimed[next++]) await deliverRow(row);
  };
  await Promise.all(Array.from({ length: SENDS_IN_FLIGHT }, worker));
  result.givenUp = givenUp.length;
  if (givenUp.length > 0) {
    // One line per batch, with ids only: a beheerder can send these again.
    options.logger?.error(
      { mailIds: givenUp, attempts: maxAttempts, reason: result.outage ?? "refused" },
      "e-mail given up after the maximum number of attempts",
    );
  }
  return result;
}

/** Unsent, failed, and the age of the oldest unsent e-mail, for /metrics. */
export async function measureMailBacklog(options: { db: Database }) {
  const [row] = await withSystemTask(options.db, { task: "metrics" }, (tx) =>
    executeRows<{ pending: number; failed: number; oldest_seconds: number | null }>(
      tx,
      sql`select count(*) filter (where sent_at is null and failed_at is null)::int as pending,
               count(*) filter (where failed_at is not null)::int as failed,
               extract(epoch from (now() - min(created_at) filter (where sent_at is null and failed_at is null)))::float8
                 as oldest_seconds
        from mail_outbox`,
    ),
  );
  return { pending: row?.pending ?? 0, failed: row?.failed ?? 0, oldestSeconds: Math.max(0, row?.oldest_seconds ?? 0) };
}
