import { describe, expect, it } from "vitest";
import { renderInviteMail } from "./invite-mail";

describe("invite mail", () => {
  it("carries the link and names nobody", () => {
    const mail = renderInviteMail({ params: { link: "https://portaal.example/uitnodiging/abc", validDays: 7 } });
    expect(mail.subject).toBe("Uitnodiging voor het Ketenportaal");
    expect(mail.text).toContain("https://portaal.example/uitnodiging/abc");
    expect(mail.html).toContain('href="https://portaal.example/uitnodiging/abc"');
    expect(mail.text).toContain("7 dagen");
  });
});
