import { mailOutbox, type Queryable } from "@ketenportaal/db";
import { and, eq, isNotNull } from "drizzle-orm";

/**
 * Puts a failed e-mail back in the queue (the beheerder's "opnieuw versturen"): due now, with a fresh count of
 * attempts. The row keeps its id, so the message goes out with the same Message-ID. False when it had not failed
 * (pending, sent, or unknown); then nothing changed. Two beheerders at once: the row lock lets exactly one through.
 */
export async function retryFailedMail(options: { db: Queryable; id: string; now?: Date }): Promise<boolean> {
  const rows = await options.db
    .update(mailOutbox)
    .set({ failedAt: null, attempts: 0, lastError: null, nextAttemptAt: options.now ?? new Date() })
    .where(and(eq(mailOutbox.id, options.id), isNotNull(mailOutbox.failedAt)))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}
