import { describe, expect, it } from "vitest";
import { renderTableMail } from "./table-mail";

const params = {
  link: "https://ketenportaal.example/overdrachtstafels/3f0c8f8e-8d1a-4f51-9a4b-1d0f0e6c2a11/verslag",
  regionName: "Haarlem e.o.",
  meetingOn: "2026-12-01",
};

describe("renderTableMail", () => {
  it("announces final minutes in Dutch with the link, in text and HTML", () => {
    const mail = renderTableMail({ template: "table_minutes_final", params });
    expect(mail.subject).toBe("Ketenportaal: Verslag overdrachtstafel Haarlem e.o. van dinsdag 1 december 2026");
    expect(mail.text).toContain("Beste collega,");
    expect(mail.text).toContain("is definitief");
    expect(mail.text).toContain(params.link);
    expect(mail.html).toContain(`href="${params.link}"`);
    expect(mail.html).toContain('lang="nl"');
  });

  it("escapes the region name in HTML", () => {
    const mail = renderTableMail({
      template: "table_minutes_final",
      params: { ...params, regionName: "<b>Regio</b>" },
    });
    expect(mail.html).not.toContain("<b>Regio</b>");
  });
});
