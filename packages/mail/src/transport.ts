import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable across retries (`<id@domain>`), so a re-send after a crash is recognisable as the same message. */
  messageId?: string;
};

export type MailTransport = {
  kind: "smtp" | "directory";
  /** Resolves with the Message-ID the message went out with (the given one, or one nodemailer made up). */
  send: (mail: OutgoingMail) => Promise<{ messageId: string }>;
  close: () => void;
};

/**
 * SMTP when `smtpUrl` is set; otherwise (the embedded default) each message is written as an .eml file in
 * `mailDir`, where a beheerder can read it in the portal.
 */
export function createMailTransport(options: {
  smtpUrl?: string | undefined;
  mailDir: string;
  from: string;
  /** Connection and greeting timeout; an SMTP server that does not answer must not hold the bridge for minutes. */
  timeoutMs?: number;
}): MailTransport {
  if (options.smtpUrl) {
    const timeout = options.timeoutMs ?? 10_000;
    const transporter = nodemailer.createTransport({
      ...connectionFromUrl(options.smtpUrl),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 3,
      // Reuse connections: a backlog after an outage is hundreds of messages.
      pool: true,
      maxConnections: 2,
    });
    return {
      kind: "smtp",
      send: async (mail) => {
        const info = await transporter.sendMail({ from: options.from, ...mail });
        return { messageId: info.messageId };
      },
      close: () => transporter.close(),
    };
  }
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "directory",
    send: async (mail) => {
      const info = await transporter.sendMail({ from: options.from, ...mail });
      mkdirSync(options.mailDir, { recursive: true });
      // Named after the Message-ID: sending the same message again overwrites instead of duplicating.
      const file = `${info.messageId.replace(/[^A-Za-z0-9@.-]/g, "")}.eml`;
      writeFileSync(join(options.mailDir, file), info.message as Buffer);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/**
 * Host, port, TLS and login from an smtp:// or smtps:// URL. Not handed to nodemailer as `url`: given a URL it ignores
 * every other option — the timeouts and the pool would silently fall back to minutes-long defaults.
 */
function connectionFromUrl(smtpUrl: string) {
  const url = new URL(smtpUrl);
  return {
    host: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    secure: url.protocol === "smtps:",
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
  };
}
