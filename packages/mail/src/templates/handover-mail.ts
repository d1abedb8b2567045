/**
 * Dutch e-mail about a handover. Only organisation and team names, deadlines and a link: never names, addresses
 * or case content (DESIGN.md section 5). The details are behind the link, after login.
 */
export const handoverMailTemplates = [
  "handover_offered",
  "handover_accepted",
  "handover_declined",
  "handover_returned",
  "handover_completed",
  "handover_withdrawn",
  "handover_assigned",
  "handover_reminder",
  "handover_escalated",
] as const;
export type HandoverMailTemplate = (typeof handoverMailTemplates)[number];

export type HandoverMailParams = {
  /** Absolute link to the handover in the portal. */
  link: string;
  teamName: string;
  organisationName: string;
  dueOn?: string | null;
  deadlineKind?: "acceptance" | "first_contact" | null;
};

export type RenderedMail = { subject: string; text: string; html: string };

const deadlineNames = {
  acceptance: "reactie op het aanbod",
  first_contact: "eerste contact met het huishouden",
} as const;

function formatLocalDate(date: string): string {
  // A LocalDate is a calendar day: format it as such, in no time zone at all.
  return new Intl.DateTimeFormat("nl-NL", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));
}

function content(template: HandoverMailTemplate, p: HandoverMailParams): { subject: string; lines: string[] } {
  const due = p.dueOn ? formatLocalDate(p.dueOn) : null;
  const deadline = deadlineNames[p.deadlineKind ?? "acceptance"];
  switch (template) {
    case "handover_offered":
      return {
        subject: "Nieuwe overdracht aangeboden",
        lines: [
          `${p.organisationName} biedt ${p.teamName} een overdracht aan.`,
          due ? `Reageer uiterlijk ${due}: accepteer de overdracht of wijs haar af met een reden.` : "",
        ],
      };
    case "handover_accepted":
      return {
        subject: "Overdracht geaccepteerd",
        lines: [`${p.teamName} (${p.organisationName}) heeft de overdracht geaccepteerd.`],
      };
    case "handover_declined":
      return {
        subject: "Overdracht afgewezen",
        lines: [`${p.teamName} (${p.organisationName}) heeft de overdracht afgewezen. De reden staat in het portaal.`],
      };
    case "handover_returned":
      return {
        subject: "Overdracht teruggemeld aan Veilig Thuis",
        lines: [
          `${p.teamName} (${p.organisationName}) heeft de overdracht teruggemeld omdat de veiligheid in het geding is.`,
          "Bekijk de toelichting en pak de casus direct op.",
        ],
      };
    case "handover_completed":
      return {
        subject: "Overdracht afgerond",
        lines: [
          `${p.teamName} (${p.organisationName}) heeft de overdracht afgerond. De uitkomst staat in het portaal.`,
        ],
      };
    case "handover_withdrawn":
      return {
        subject: "Overdracht ingetrokken",
        lines: [`${p.organisationName} heeft een overdracht aan ${p.teamName} ingetrokken.`],
      };
    case "handover_assigned":
      return {
        subject: "Overdracht aan u toegewezen",
        lines: [`Er is bij ${p.teamName} een overdracht aan u toegewezen.`],
      };
    case "handover_reminder":
      return {
        subject: "Herinnering: termijn verloopt morgen",
        lines: [`De termijn voor ${deadline} bij ${p.teamName} verloopt ${due ?? "binnenkort"}.`],
      };
    case "handover_escalated":
      return {
        subject: "Termijn overschreden: overdracht vraagt uw aandacht",
        lines: [
          `De termijn voor ${deadline} bij ${p.teamName} (${p.organisationName}) is verlopen${due ? ` (${due})` : ""}.`,
          "Als aanspreekpunt van de regio vragen wij u contact op te nemen met het team.",
        ],
      };
  }
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderHandoverMail(options: {
  template: HandoverMailTemplate;
  params: HandoverMailParams;
}): RenderedMail {
  const { subject, lines } = content(options.template, options.params);
  const body = lines.filter(Boolean);
  const footer =
    "Dit bericht is automatisch verstuurd door het Ketenportaal. Antwoorden op dit bericht worden niet gelezen.";
  const text = [
    "Beste collega,",
    "",
    ...body,
    "",
    `Bekijk de overdracht in het Ketenportaal: ${options.params.link}`,
    "",
    footer,
  ].join("\n");
  const html = [
    '<!doctype html><html lang="nl"><body style="font-family:system-ui,sans-serif;line-height:1.5">',
    "<p>Beste collega,</p>",
    ...body.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(options.params.link)}">Bekijk de overdracht in het Ketenportaal</a></p>`,
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: `Ketenportaal: ${subject}`, text, html };
}
