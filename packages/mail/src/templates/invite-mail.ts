/**
 * The invitation to the Ketenportaal (issue 10). Sent to the invitee's own address; the body names nobody — only the
 * one-time link, which is a secret, not personal data.
 */
export type InviteMailParams = { link: string; validDays: number };

export type RenderedInviteMail = { subject: string; text: string; html: string };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderInviteMail(options: { params: InviteMailParams }): RenderedInviteMail {
  const { link, validDays } = options.params;
  const lines = [
    "U bent uitgenodigd voor het Ketenportaal.",
    `Kies uw wachtwoord via de link hieronder. De link werkt ${validDays} dagen en één keer.`,
  ];
  const footer =
    "Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren. Dit bericht is automatisch verstuurd door het Ketenportaal.";
  const text = ["Beste collega,", "", ...lines, "", link, "", footer].join("\n");
  const html = [
    '<!doctype html><html lang="nl"><body style="font-family:system-ui,sans-serif;line-height:1.5">',
    "<p>Beste collega,</p>",
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(link)}">Wachtwoord kiezen</a></p>`,
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: "Uitnodiging voor het Ketenportaal", text, html };
}
