import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createMailTransport } from "./transport";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("createMailTransport without SMTP", () => {
  it("writes each message as an .eml file in the mail directory", async () => {
    const mailDir = join(mkdtempSync(join(tmpdir(), "kp-mail-")), "mail");
    dirs.push(mailDir);
    const transport = createMailTransport({ mailDir, from: "Ketenportaal <noreply@ketenportaal.example>" });
    expect(transport.kind).toBe("directory");
    const mail = {
      to: "team@swt-haarlem.example",
      subject: "Nieuwe overdracht",
      text: "Bekijk het portaal.",
      messageId: "<5a1c@ketenportaal>",
    };
    await transport.send(mail);
    await transport.send(mail); // a retry of the same message
    const files = readdirSync(mailDir);
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(mailDir, files[0] ?? ""), "utf8");
    expect(eml).toContain("To: team@swt-haarlem.example");
    expect(eml).toContain("Subject: Nieuwe overdracht");
    expect(eml).toContain("Bekijk het portaal.");
    expect(eml).toContain("Message-ID: <5a1c@ketenportaal>");
    transport.close();
  });
});
