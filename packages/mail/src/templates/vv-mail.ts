/**
 * Dutch e-mail about a V&V trajectory's dates. The partner organisation's name, the kind of date and the day: never
 * the text of a condition, a household name or a case detail (DESIGN.md section 5).
 */
export const vvMailTemplates = [
  "vv_condition_due",
  "vv_condition_overdue",
  "vv_monitoring_due",
  "vv_monitoring_overdue",
] as const;
export type VvMailTemplate = (typeof vvMailTemplates)[number];

export type VvMailParams = {
  /** Absolute link to the trajectory in the portal. */
  link: string;
  partnerOrganisationName: string;
  /** The condition's due date or the monitoring moment's date, `YYYY-MM-DD`. */
  date: string;
};

function formatLocalDate(date: string): string {
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

function content(template: VvMailTemplate, p: VvMailParams): { subject: string; line: string } {
  const day = formatLocalDate(p.date);
  const trajectory = `het V&V-traject met ${p.partnerOrganisationName}`;
  switch (template) {
    case "vv_condition_due":
      return {
        subject: "Herinnering: veiligheidsvoorwaarde verloopt",
        line: `Een veiligheidsvoorwaarde in ${trajectory} moet uiterlijk ${day} zijn nagekomen.`,
      };
    case "vv_condition_overdue":
      return {
        subject: "Veiligheidsvoorwaarde over de termijn",
        line: `Een veiligheidsvoorwaarde in ${trajectory} staat nog open, terwijl de termijn op ${day} verliep. Leg vast of ze is nagekomen, niet is nagekomen of vervalt.`,
      };
    case "vv_monitoring_due":
      return {
        subject: "Herinnering: monitoringsmoment",
        line: `Voor ${trajectory} staat een monitoringsmoment gepland op ${day}.`,
      };
    case "vv_monitoring_overdue":
      return {
        subject: "Monitoringsmoment nog niet vastgelegd",
        line: `Het monitoringsmoment van ${day} in ${trajectory} is nog niet vastgelegd.`,
      };
  }
}

export function renderVvMail(options: { template: VvMailTemplate; params: VvMailParams }) {
  const { subject, line } = content(options.template, options.params);
  const footer =
    "Dit bericht is automatisch verstuurd door het Ketenportaal. Antwoorden op dit bericht worden niet gelezen.";
  const text = [
    "Beste collega,",
    "",
    line,
    "",
    `Bekijk het traject in het Ketenportaal: ${options.params.link}`,
    "",
    footer,
  ].join("\n");
  const html = [
    '<!doctype html><html lang="nl"><body style="font-family:system-ui,sans-serif;line-height:1.5">',
    "<p>Beste collega,</p>",
    `<p>${escapeHtml(line)}</p>`,
    `<p><a href="${escapeHtml(options.params.link)}">Bekijk het traject in het Ketenportaal</a></p>`,
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: `Ketenportaal: ${subject}`, text, html };
}
