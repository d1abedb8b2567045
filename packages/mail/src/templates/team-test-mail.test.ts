import { describe, expect, it } from "vitest";
import { renderTeamTestMail } from "./team-test-mail";

describe("renderTeamTestMail", () => {
  it("names the team and nothing about a case", () => {
    const mail = renderTeamTestMail({ params: { teamName: "Wijkteam Haarlem", organisationName: "SWT Haarlem" } });
    expect(mail.subject).toBe("Testbericht van het Ketenportaal voor Wijkteam Haarlem");
    expect(mail.text).toContain("Wijkteam Haarlem (SWT Haarlem)");
    expect(mail.html).toContain('lang="nl"');
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/https?:|\d{4}-\d{2}-\d{2}|VT-\d/);
  });

  it("escapes names in HTML", () => {
    expect(renderTeamTestMail({ params: { teamName: "<b>", organisationName: "x" } }).html).toContain("&#60;b&#62;");
  });
});
