import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../../tests/support/free-port";
import { type SmtpServerHandle, startSmtpServer } from "../../../tests/support/smtp";
import { createMailTransport } from "./transport";

const FROM = "Ketenportaal <noreply@ketenportaal.example>";
const mail = {
  to: "team@swt-haarlem.example",
  subject: "Nieuwe overdracht",
  text: "Bekijk het portaal.",
  html: "<p>Bekijk het portaal.</p>",
  messageId: "<5a1c@ketenportaal>",
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("createMailTransport without SMTP", () => {
  it("writes each message as an .eml file named after its Message-ID; a retry overwrites it", async () => {
    const mailDir = join(mkdtempSync(join(tmpdir(), "kp-mail-")), "mail");
    dirs.push(mailDir);
    const transport = createMailTransport({ mailDir, from: FROM });
    expect(transport.kind).toBe("directory");
    expect(await transport.send(mail)).toEqual({ messageId: "<5a1c@ketenportaal>" });
    await transport.send(mail); // a retry of the same message
    await transport.send({ ...mail, messageId: "<7b2d@ketenportaal>" });
    expect(readdirSync(mailDir).sort()).toEqual(["5a1c@ketenportaal.eml", "7b2d@ketenportaal.eml"]);
    const eml = readFileSync(join(mailDir, "5a1c@ketenportaal.eml"), "utf8");
    expect(eml).toContain("To: team@swt-haarlem.example");
    expect(eml).toContain("Subject: Nieuwe overdracht");
    expect(eml).toContain("Bekijk het portaal.");
    expect(eml).toContain("Message-ID: <5a1c@ketenportaal>");
    transport.close();
  });

  it("makes up a Message-ID when none is given", async () => {
    const mailDir = join(mkdtempSync(join(tmpdir(), "kp-mail-")), "mail");
    dirs.push(mailDir);
    const transport = createMailTransport({ mailDir, from: FROM });
    const { messageId } = await transport.send({ to: mail.to, subject: mail.subject, text: mail.text });
    expect(messageId).toMatch(/^<.+@.+>$/);
    expect(readdirSync(mailDir)).toHaveLength(1);
    transport.close();
  });
});

describe("createMailTransport with SMTP", () => {
  let smtp: SmtpServerHandle;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp?.stop());

  it("sends with the given Message-ID and returns it", async () => {
    const transport = createMailTransport({ smtpUrl: smtp.url, mailDir: "/nonexistent", from: FROM, timeoutMs: 1000 });
    expect(transport.kind).toBe("smtp");
    expect(await transport.send(mail)).toEqual({ messageId: "<5a1c@ketenportaal>" });
    const [received] = await smtp.waitForMessages({ count: 1 });
    expect(received?.parsed.messageId).toBe("<5a1c@ketenportaal>");
    expect(received?.to).toEqual(["team@swt-haarlem.example"]);
    expect(received?.envelope.from).toBe("noreply@ketenportaal.example");
    expect(received?.text.trim()).toBe("Bekijk het portaal.");
    transport.close();
  });

  it("rejects quickly, with a code, when nobody listens", async () => {
    const port = await findFreePort();
    const transport = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailDir: "/nonexistent",
      from: FROM,
      timeoutMs: 1000,
    });
    const started = Date.now();
    await expect(transport.send(mail)).rejects.toMatchObject({ code: expect.stringMatching(/^E[A-Z]+$/) });
    expect(Date.now() - started).toBeLessThan(2000);
    transport.close();
  });

  it("gives up on a server that never greets after the timeout, not nodemailer's minutes", async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket.on("error", () => {})));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    const transport = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailDir: "/nonexistent",
      from: FROM,
      timeoutMs: 500,
    });
    const started = Date.now();
    await expect(transport.send(mail)).rejects.toMatchObject({ code: "ETIMEDOUT" });
    expect(Date.now() - started).toBeLessThan(2000);
    transport.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
});
