/**
 * Dutch e-mail to partner organisations and gemeenten that VT's continuity plan starts or ends: the dates, the
 * services that keep running and a link. Nothing about any household or person (DESIGN.md section 5).
 */
export const continuityPlanMailTemplates = ["continuity_plan_started", "continuity_plan_ended"] as const;
export type ContinuityPlanMailTemplate = (typeof continuityPlanMailTemplates)[number];

export type ContinuityPlanMailParams = {
  /** Absolute link to the portal. */
  link: string;
  organisationName: string;
  /** Calendar days in Amsterdam, `YYYY-MM-DD`. */
  startsOn: string;
  expectedEndOn: string;
  /** On `continuity_plan_ended`: the last day it applied. */
  endedOn?: string | null;
  /** Dutch names, in the plan's order of priority. */
  serviceNames: readonly string[];
};

export type RenderedContinuityPlanMail = { subject: string; text: string; html: string };

function formatLocalDate(date: string): string {
  // A calendar day: formatted as such, in no time zone at all.
  return new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderContinuityPlanMail(options: {
  template: ContinuityPlanMailTemplate;
  params: ContinuityPlanMailParams;
}): RenderedContinuityPlanMail {
  const { params } = options;
  const started = options.template === "continuity_plan_started";
  const subject = started
    ? `Continuïteitsplan ${params.organisationName} van kracht`
    : `Continuïteitsplan ${params.organisationName} beëindigd`;
  const lines = started
    ? [
        `Vanaf ${formatLocalDate(params.startsOn)} werkt ${params.organisationName} volgens het continuïteitsplan, naar verwachting tot en met ${formatLocalDate(params.expectedEndOn)}.`,
        "In deze periode draaien alleen deze diensten, in volgorde van prioriteit:",
      ]
    : [
        `Het continuïteitsplan van ${params.organisationName} is beëindigd${params.endedOn ? ` per ${formatLocalDate(params.endedOn)}` : ""}. De gewone werkwijze geldt weer.`,
        "Tijdens het plan draaiden deze diensten:",
      ];
  const footer =
    "Dit bericht is automatisch verstuurd door het Ketenportaal. Antwoorden op dit bericht worden niet gelezen.";
  const text = [
    "Beste collega,",
    "",
    ...lines,
    ...params.serviceNames.map((name, index) => `${index + 1}. ${name}`),
    "",
    `Meer informatie in het Ketenportaal: ${params.link}`,
    "",
    footer,
  ].join("\n");
  const html = [
    '<!doctype html><html lang="nl"><body style="font-family:system-ui,sans-serif;line-height:1.5">',
    "<p>Beste collega,</p>",
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<ol>${params.serviceNames.map((name) => `<li>${escapeHtml(name)}</li>`).join("")}</ol>`,
    `<p><a href="${escapeHtml(params.link)}">Meer informatie in het Ketenportaal</a></p>`,
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: `Ketenportaal: ${subject}`, text, html };
}
