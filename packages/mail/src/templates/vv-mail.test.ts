import { describe, expect, it } from "vitest";
import { renderVvMail, vvMailTemplates } from "./vv-mail";

const params = {
  link: "https://ketenportaal.example/voorwaarden-en-vervolg/3f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11",
  partnerOrganisationName: "Sociaal Wijkteam Haarlem",
  date: "2026-12-07",
};

describe("renderVvMail", () => {
  it.each(vvMailTemplates)("renders %s in Dutch with the date and the link, in text and HTML", (template) => {
    const mail = renderVvMail({ template, params });
    expect(mail.subject).toMatch(/^Ketenportaal: /);
    expect(mail.text).toContain("maandag 7 december 2026");
    expect(mail.text).toContain(params.link);
    expect(mail.html).toContain(`href="${params.link}"`);
    expect(mail.html).toContain('lang="nl"');
  });

  it("escapes the organisation name in HTML", () => {
    const mail = renderVvMail({
      template: "vv_monitoring_due",
      params: { ...params, partnerOrganisationName: "<b>Team</b>" },
    });
    expect(mail.html).not.toContain("<b>Team</b>");
  });
});
