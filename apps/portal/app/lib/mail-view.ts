import { nl } from "../messages/nl";
import type { MailMessage, MailStatus } from "./api-types";
import { formatDateTime } from "./format";

const m = nl.adminMail;

/** One row of the Verzonden e-mail table, formatted on the server so the browser hydrates the same text. */
export type MailRow = {
  id: string;
  subject: string;
  recipient: string;
  status: MailStatus;
  createdAt: string;
  sentAt: string;
  attempts: number;
  lastError: string;
  messageId: string;
  canRetry: boolean;
};

export function mailRowOf(message: MailMessage): MailRow {
  return {
    id: message.id,
    subject: message.subject,
    recipient: message.toAddress,
    status: message.status,
    createdAt: formatDateTime(message.createdAt),
    sentAt: message.sentAt ? formatDateTime(message.sentAt) : m.notSent,
    attempts: message.attempts,
    lastError: message.lastError ?? m.noError,
    messageId: message.messageId,
    // The API refuses the others too; the button is only offered where it can work.
    canRetry: message.status === "failed",
  };
}
