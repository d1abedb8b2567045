import { describe, expect, it } from "vitest";
import { renderReportReadyMail } from "./report-ready-mail";

const params = {
  link: "https://ketenportaal.example/rapportages?van=2026-11-16&tot=2026-11-29",
  periodFrom: "2026-11-16",
  periodTo: "2026-11-29",
};

describe("renderReportReadyMail", () => {
  it("names the period in Dutch dates and links to the report for it", () => {
    const mail = renderReportReadyMail({ params });
    expect(mail.subject).toBe(
      "Ketenportaal: rapportage werkvoorraad 16 november 2026 tot en met 29 november 2026 staat klaar",
    );
    expect(mail.text).toContain("van 16 november 2026 tot en met 29 november 2026 staat klaar");
    expect(mail.text).toContain(`Bekijk de rapportage: ${params.link}`);
    expect(mail.html).toContain('lang="nl"');
    expect(mail.html).toContain('href="https://ketenportaal.example/rapportages?van=2026-11-16&#38;tot=2026-11-29"');
  });

  it("holds no figures and nothing about a person, a gemeente or a case", () => {
    const mail = renderReportReadyMail({ params });
    // The HTML's tags and entities (the link's "&") carry digits of their own: read its words only.
    const htmlWords = mail.html.replace(/<[^>]*>/g, " ").replace(/&#\d+;/g, "&");
    const withoutLinkAndDates = `${mail.subject}\n${mail.text}\n${htmlWords}`
      .replaceAll(params.link, "")
      .replaceAll("16 november 2026", "")
      .replaceAll("29 november 2026", "");
    // The only digits were the dates and the link; what is left has none (no count, percentage or reference).
    expect(withoutLinkAndDates).not.toMatch(/\d/);
    // No e-mail address, no case reference, no BSN-like number, no gemeente name.
    expect(withoutLinkAndDates).not.toMatch(/@|VT-|gemeente [A-Z]|Haarlem/);
    // The renderer takes nothing but the link and the dates: no name or number can be passed in.
    expect(Object.keys(params).sort()).toEqual(["link", "periodFrom", "periodTo"]);
  });
});
