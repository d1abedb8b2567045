/**
 * The test message a beheerder sends from the Teams page to check that a team's notification address receives mail.
 * Only the team's and organisation's names: no case, no person.
 */
export type TeamTestMailParams = { teamName: string; organisationName: string };

export type RenderedTeamTestMail = { subject: string; text: string; html: string };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderTeamTestMail(options: { params: TeamTestMailParams }): RenderedTeamTestMail {
  const { teamName, organisationName } = options.params;
  const lines = [
    `Dit is een testbericht van het Ketenportaal voor ${teamName} (${organisationName}).`,
    "Meldingen over overdrachten aan dit team komen op dit e-mailadres aan. U hoeft niets te doen.",
  ];
  const footer =
    "Dit bericht is automatisch verstuurd door het Ketenportaal. Antwoorden op dit bericht worden niet gelezen.";
  const text = ["Beste collega,", "", ...lines, "", footer].join("\n");
  const html = [
    '<!doctype html><html lang="nl"><body style="font-family:system-ui,sans-serif;line-height:1.5">',
    "<p>Beste collega,</p>",
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: `Testbericht van het Ketenportaal voor ${teamName}`, text, html };
}
