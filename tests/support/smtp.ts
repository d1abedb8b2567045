import type { AddressInfo } from "node:net";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  /** Address from the From header ("" when absent). */
  from: string;
  /** Addresses from the To header. */
  to: string[];
  /** Addresses from the Cc header. */
  cc: string[];
  subject: string;
  /** Plain-text body ("" when the mail has none). */
  text: string;
  /** HTML body, undefined for a text-only mail. */
  html: string | undefined;
  /** SMTP envelope: MAIL FROM and RCPT TO, which include Bcc recipients. */
  envelope: { from: string; to: string[] };
  /** Everything else mailparser found (headers, attachments, ...). */
  parsed: ParsedMail;
};

export type SmtpServerHandle = {
  port: number;
  /** smtp://127.0.0.1:PORT, usable as a nodemailer transport URL. */
  url: string;
  /** Received mails in arrival order. The array is live: clear() empties it in place. */
  readonly messages: readonly ReceivedMail[];
  /** Resolves with all received mails once at least `count` have arrived; rejects after `timeoutMs` (default 10 s). */
  waitForMessages: (options: { count: number; timeoutMs?: number }) => Promise<ReceivedMail[]>;
  clear: () => void;
  stop: () => Promise<void>;
};

function listAddresses(field: AddressObject | AddressObject[] | undefined): string[] {
  if (field === undefined) return [];
  const objects = Array.isArray(field) ? field : [field];
  const addresses: string[] = [];
  for (const object of objects) {
    for (const entry of object.value) {
      if (entry.address) addresses.push(entry.address);
      for (const member of entry.group ?? []) {
        if (member.address) addresses.push(member.address);
      }
    }
  }
  return addresses;
}

function toReceivedMail(parsed: ParsedMail, envelope: ReceivedMail["envelope"]): ReceivedMail {
  return {
    from: listAddresses(parsed.from)[0] ?? "",
    to: listAddresses(parsed.to),
    cc: listAddresses(parsed.cc),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : undefined,
    envelope,
    parsed,
  };
}

/**
 * Starts an SMTP server on 127.0.0.1 (random port; no TLS, no authentication) that accepts every mail and keeps it,
 * parsed, in memory.
 */
export async function startSmtpServer(options: { port?: number } = {}): Promise<SmtpServerHandle> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const envelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
      };
      simpleParser(stream)
        .then((parsed) => {
          messages.push(toReceivedMail(parsed, envelope));
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.on("error", () => {
    // Connection-level errors (a client hanging up mid-session) are reported per connection; keep serving.
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  let stopping: Promise<void> | undefined;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitForMessages({ count, timeoutMs = 10_000 }) {
      if (messages.length >= count) return Promise.resolve([...messages]);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...messages]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const subjects = messages.map((mail) => JSON.stringify(mail.subject)).join(", ") || "none";
          reject(
            new Error(`Expected ${count} mail(s) within ${timeoutMs} ms, received ${messages.length}: ${subjects}`),
          );
        }, timeoutMs);
        waiters.add(check);
      });
    },
    clear() {
      messages.length = 0;
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return stopping;
    },
  };
}
