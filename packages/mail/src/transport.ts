import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };

export type MailTransport = {
  kind: "smtp" | "directory";
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
}): MailTransport {
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport(options.smtpUrl);
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
      const file = `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^A-Za-z0-9]/g, "")}.eml`;
      writeFileSync(join(options.mailDir, file), info.message as Buffer);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}
