import { mailOutbox } from "@ketenportaal/db";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type { ZRetryMailResponse } from "../../routers/admin/admin.types";
import { DomainRefusal } from "../errors";
import { retryFailedMail } from "../mail/retry-failed-mail";
import { auditAdminCall, requireFunctionalAdmin } from "./admin-access";
import { mailStatusOf } from "./list-mail";

const notFailed = {
  pending:
    "Dit bericht is niet mislukt: het wacht nog op verzending. Opnieuw versturen is alleen mogelijk na een mislukte verzending.",
  sent: "Dit bericht is niet mislukt: het is al verzonden. Opnieuw versturen is alleen mogelijk na een mislukte verzending.",
} as const;

/**
 * "Opnieuw versturen": a failed e-mail becomes due now with a fresh count of attempts, under the same id and so the
 * same Message-ID. Anything that has not failed is refused with a conflict and left as it is.
 */
export async function retryMail(options: {
  ctx: AuthedContext;
  id: string;
}): Promise<z.infer<typeof ZRetryMailResponse>> {
  const { ctx, id } = options;
  requireFunctionalAdmin(ctx);
  const now = ctx.now();
  if (!(await retryFailedMail({ db: ctx.tx, id, now }))) {
    const [row] = await ctx.tx
      .select({ sentAt: mailOutbox.sentAt, failedAt: mailOutbox.failedAt })
      .from(mailOutbox)
      .where(eq(mailOutbox.id, id));
    if (!row) throw new DomainRefusal("NOT_FOUND", "Dit e-mailbericht bestaat niet.");
    const status = mailStatusOf(row);
    throw new DomainRefusal("CONFLICT", status === "sent" ? notFailed.sent : notFailed.pending);
  }
  await auditAdminCall(ctx, { action: "execute", objectType: "mail", objectId: id });
  return { id, status: "pending", nextAttemptAt: now };
}
