/**
 * Dutch e-mail about an overdrachtstafel. Region, date and a link only: the minutes hold case references, and
 * even those stay behind the login (DESIGN.md section 5).
 */
export const tableMailTemplates = ["table_minutes_final"] as const;
export type TableMailTemplate = (typeof tableMailTemplates)[number];

export type TableMailParams = {
  /** Absolute link to the minutes in the portal. */
  link: string;
  regionName: string;
  /** The meeting's calendar day in Amsterdam, `YYYY-MM-DD`. */
  meetingOn: string;
};

export type RenderedTableMail = { subject: string; text: string; html: string };

function formatLocalDate(date: string): string {
  // A calendar day: formatted as such, in no time zone at all.
  return new Intl.DateTimeFormat("nl-NL", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderTableMail(options: { template: TableMailTemplate; params: TableMailParams }): RenderedTableMail {
  const { params } = options;
  const day = formatLocalDate(params.meetingOn);
  const subject = `Verslag overdrachtstafel ${params.regionName} van ${day}`;
  const lines = [
    `Het verslag van de overdrachtstafel ${params.regionName} van ${day} is definitief.`,
    "Daarin staat per casus het besluit, de organisatie die de casus overneemt en de termijnen.",
  ];
  const footer =
    "Dit bericht is automatisch verstuurd door het Ketenportaal. Antwoorden op dit bericht worden niet gelezen.";
  const text = [
    "Beste collega,",
    "",
    ...lines,
    "",
    `Bekijk het verslag in het Ketenportaal: ${params.link}`,
    "",
    footer,
  ].join("\n");
  const html = [
    '<!doctype html><html lang="nl"><body style="font-family:system-ui,sans-serif;line-height:1.5">',
    "<p>Beste collega,</p>",
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(params.link)}">Bekijk het verslag in het Ketenportaal</a></p>`,
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: `Ketenportaal: ${subject}`, text, html };
}
