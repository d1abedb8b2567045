import type { Database } from "@ketenportaal/db";
import type { MailTransport } from "@ketenportaal/mail";
import type { BridgeLogger, BridgeTask } from "../bridge";
import { deliverPendingMail } from "./deliver-mail";

/**
 * E-mail delivery as a bridge task: batch after batch until nothing is due or the transport fails. Logs once when
 * the transport starts failing and once when mail goes out again — never per row, and never an address or a subject.
 */
export function createMailDeliveryTask(options: {
  transport: MailTransport;
  logger: BridgeLogger;
  clock?: () => Date;
  maxAttempts?: number;
  batchSize?: number;
}): BridgeTask {
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? 50;
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
          batchSize,
          logger: options.logger,
        });
        if (result.outage !== null && !failing) {
          failing = true;
          options.logger.error(
            { reason: result.outage, transport: options.transport.kind },
            "e-mail cannot be delivered; messages wait with a backoff",
          );
        } else if (result.outage === null && result.sent > 0 && failing) {
          failing = false;
          options.logger.info({ transport: options.transport.kind }, "e-mail is delivered again");
        }
        if (result.outage !== null || result.claimed < batchSize || signal.aborted) return;
      }
    },
  };
}
