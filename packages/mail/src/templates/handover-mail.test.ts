import { describe, expect, it } from "vitest";
import { handoverMailTemplates, renderHandoverMail } from "./handover-mail";

const params = {
  link: "https://ketenportaal.example/overdrachten/3f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  teamName: "Wijkteam Haarlem",
  organisationName: "Veilig Thuis Kennemerland",
  dueOn: "2026-12-03",
  deadlineKind: "acceptance" as const,
};

describe("renderHandoverMail", () => {
  it.each(handoverMailTemplates)("renders %s in Dutch with the link, in text and HTML", (template) => {
    const mail = renderHandoverMail({ template, params });
    expect(mail.subject).toMatch(/^Ketenportaal: /);
    expect(mail.text).toContain("Beste collega,");
    expect(mail.text).toContain(params.link);
    expect(mail.html).toContain(`href="${params.link}"`);
    expect(mail.html).toContain('lang="nl"');
  });

  it("writes the deadline as a Dutch calendar day", () => {
    const mail = renderHandoverMail({ template: "handover_offered", params });
    expect(mail.text).toContain("Reageer uiterlijk donderdag 3 december 2026");
  });

  it("escapes names in HTML", () => {
    const mail = renderHandoverMail({ template: "handover_accepted", params: { ...params, teamName: "<b>Team</b>" } });
    expect(mail.html).not.toContain("<b>Team</b>");
  });
});
