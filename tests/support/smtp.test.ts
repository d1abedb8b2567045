import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpServerHandle, startSmtpServer } from "./smtp";

describe("startSmtpServer", () => {
  let smtp: SmtpServerHandle;

  beforeAll(async () => {
    smtp = await startSmtpServer();
  });

  afterAll(async () => {
    await smtp?.stop();
  });

  it("receives and parses mails sent with nodemailer to its url", async () => {
    expect(smtp.url).toBe(`smtp://127.0.0.1:${smtp.port}`);
    const transport = createTransport(smtp.url);
    try {
      await transport.sendMail({
        from: "Ketenportaal <noreply@ketenportaal.test>",
        to: "Anna de Vries <anna@gemeente.test>",
        subject: "Uw aanvraag is ontvangen",
        text: "Beste Anna,\n\nWe hebben uw aanvraag ontvangen.",
      });
      await transport.sendMail({
        from: "noreply@ketenportaal.test",
        to: ["jan@zorg.test", "piet@zorg.test"],
        bcc: "archief@ketenportaal.test",
        subject: "Nieuwe melding — €5 café",
        text: "Er staat een nieuwe melding klaar.",
        html: "<p>Er staat een <strong>nieuwe</strong> melding klaar.</p>",
      });
    } finally {
      transport.close();
    }

    const [first, second] = await smtp.waitForMessages({ count: 2, timeoutMs: 5000 });
    expect(first).toMatchObject({
      from: "noreply@ketenportaal.test",
      to: ["anna@gemeente.test"],
      subject: "Uw aanvraag is ontvangen",
      html: undefined,
    });
    expect(first?.text.trim()).toBe("Beste Anna,\n\nWe hebben uw aanvraag ontvangen.");
    expect(second).toMatchObject({
      to: ["jan@zorg.test", "piet@zorg.test"],
      subject: "Nieuwe melding — €5 café",
      envelope: {
        from: "noreply@ketenportaal.test",
        to: ["jan@zorg.test", "piet@zorg.test", "archief@ketenportaal.test"],
      },
    });
    expect(second?.text.trim()).toBe("Er staat een nieuwe melding klaar.");
    expect(second?.html).toContain("<strong>nieuwe</strong>");
    expect(smtp.messages).toHaveLength(2);
  });

  it("clear() empties the live list and waitForMessages times out with what it got", async () => {
    smtp.clear();
    expect(smtp.messages).toHaveLength(0);
    await expect(smtp.waitForMessages({ count: 1, timeoutMs: 200 })).rejects.toThrow(/received 0/);
  });
});
