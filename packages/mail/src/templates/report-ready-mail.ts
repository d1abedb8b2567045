/**
 * Dutch e-mail to a gemeente's beleidsmedewerker that the two-week werkvoorraad report for a period is ready: the
 * period and a link to the report in the portal, where it is shown after signing in. No figures at all, not even
 * whether anything happened: an e-mail leaves the access rules and the small-count protection behind (decision 014).
 */
export const reportReadyMailTemplate = "report_ready" as const;

export type ReportReadyMailParams = {
  /** Absolute link to the report page for the period. */
  link: string;
  /** Calendar days, `YYYY-MM-DD`, both included. */
  periodFrom: string;
  periodTo: string;
};

export type RenderedReportReadyMail = { subject: string; text: string; html: string };

function formatLocalDate(date: string): string {
  // A calendar day: formatted as such, in no time zone at all.
  return new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderReportReadyMail(options: { params: ReportReadyMailParams }): RenderedReportReadyMail {
  const { params } = options;
  const period = `${formatLocalDate(params.periodFrom)} tot en met ${formatLocalDate(params.periodTo)}`;
  const lines = [
    `De tweewekelijkse rapportage over de werkvoorraad van ${period} staat klaar in het Ketenportaal.`,
    "U ziet de cijfers na het inloggen; om ze te beschermen staan ze niet in dit bericht.",
  ];
  const footer =
    "Dit bericht is automatisch verstuurd door het Ketenportaal. Antwoorden op dit bericht worden niet gelezen.";
  const text = ["Beste collega,", "", ...lines, "", `Bekijk de rapportage: ${params.link}`, "", footer].join("\n");
  const html = [
    '<!doctype html><html lang="nl"><body style="font-family:system-ui,sans-serif;line-height:1.5">',
    "<p>Beste collega,</p>",
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(params.link)}">Bekijk de rapportage</a></p>`,
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: `Ketenportaal: rapportage werkvoorraad ${period} staat klaar`, text, html };
}
