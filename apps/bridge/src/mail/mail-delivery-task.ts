import type { Database } from "@ketenportaal/db";
import type { MailTransport } from "@ketenportaal/mail";
import type { BridgeLogger, BridgeTask } from "../bridge";
import { deliverPendingMail } from "./deliver-mail";

/**
 * E-mail delivery as a bridge task. Logs once when sending starts failing and once when it works again — never per
 * row, and never an address or a subject.
 */
export function createMailDeliveryTask(options: {
  transport: MailTransport;
  logger: BridgeLogger;
  clock?: () => Date;
  maxAttempts?: number;
}): BridgeTask {
  const clock = options.clock ?? (() => new Date());
  let failing = false;
  return {
    name: "mail-delivery",
    run: async ({ db, signal }: { db: Database; signal: AbortSignal }) => {
      for (;;) {
        const result = await deliverPendingMail({
          db,
          transport: options.transport,
          now: clock(),
          maxAttempts: options.maxAttempts,
        });
        if (result.failed > 0 && !failing) {
          failing = true;
          options.logger.error({ reason: result.lastError }, "e-mail cannot be delivered; rows wait with a backoff");
        } else if (result.sent > 0 && result.failed === 0 && failing) {
          failing = false;
          options.logger.info({}, "e-mail is delivered again");
        }
        if (result.sent + result.failed === 0 || result.failed > 0 || signal.aborted) return;
      }
    },
  };
}
