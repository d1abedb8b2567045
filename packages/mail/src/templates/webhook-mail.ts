/**
 * Dutch e-mail to a partner's integration mailbox when its webhook abonnement is suspended. The abonnement's id and
 * callback host only: no event content, no case, no person (DESIGN.md section 5).
 */
export type WebhookSuspendedParams = {
  subscriptionId: string;
  /** The callback's host, e.g. `registratie.wijkteam.example`. */
  callbackHost: string;
  failures: number;
  /** Where the abonnement is managed (the portal's start page). */
  link: string;
};

export type RenderedWebhookMail = { subject: string; text: string; html: string };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderWebhookSuspendedMail(options: { params: WebhookSuspendedParams }): RenderedWebhookMail {
  const { params } = options;
  const lines = [
    `Het webhook-abonnement ${params.subscriptionId} op ${params.callbackHost} is gepauzeerd: de laatste ${params.failures} afleveringen mislukten.`,
    "Nieuwe gebeurtenissen worden niet meer afgeleverd. Wat al klaarstond, blijft bewaard.",
    "Herstel de ontvanger; de functioneel beheerder van het Ketenportaal kan daarna de afleveringen opnieuw versturen, waarmee het abonnement weer actief wordt. Of registreer een nieuw abonnement.",
  ];
  const footer =
    "Dit bericht is automatisch verstuurd door het Ketenportaal. Antwoorden op dit bericht worden niet gelezen.";
  const text = ["Beste beheerder,", "", ...lines, "", `Ketenportaal: ${params.link}`, "", footer].join("\n");
  const html = [
    '<!doctype html><html lang="nl"><body style="font-family:system-ui,sans-serif;line-height:1.5">',
    "<p>Beste beheerder,</p>",
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(params.link)}">Naar het Ketenportaal</a></p>`,
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: "Ketenportaal: webhook-abonnement gepauzeerd", text, html };
}
