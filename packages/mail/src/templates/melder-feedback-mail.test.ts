import { describe, expect, it } from "vitest";
import { renderMelderFeedbackMail } from "./melder-feedback-mail";

describe("renderMelderFeedbackMail", () => {
  it("says only that VT took a step and how to reach VT", () => {
    const mail = renderMelderFeedbackMail({ params: { organisationName: "Veilig Thuis Kennemerland" } });
    expect(mail.subject).toBe("Veilig Thuis Kennemerland: terugkoppeling over uw melding");
    expect(mail.text).toContain("een volgende stap heeft gezet");
    expect(mail.text).toContain("0800-2000");
    expect(mail.html).toContain('lang="nl"');
    // No link to a case, no reference, no date: nothing that points at a household.
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/https?:|\d{4}-\d{2}-\d{2}|VT-\d/);
  });

  it("escapes the organisation name in HTML", () => {
    expect(renderMelderFeedbackMail({ params: { organisationName: "VT <Test>" } }).html).toContain("VT &#60;Test&#62;");
  });
});
