/**
 * Dutch e-mail to a professional melder after VT took a step (terugkoppeling aan de melder). Deliberately without
 * case content: no reference, no name, no gemeente, no step, not even the date of the melding — a mailbox may be
 * shared or forwarded. Only that VT took a step and how to reach VT.
 */
export type MelderFeedbackParams = {
  /** The VT organisation, e.g. "Veilig Thuis Kennemerland". */
  organisationName: string;
};

export type RenderedMelderFeedbackMail = { subject: string; text: string; html: string };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderMelderFeedbackMail(options: { params: MelderFeedbackParams }): RenderedMelderFeedbackMail {
  const { organisationName } = options.params;
  const lines = [
    `U hebt een melding gedaan bij ${organisationName}. Wij laten u weten dat ${organisationName} een volgende stap heeft gezet in het vervolg op uw melding.`,
    "Om privacyredenen staat in dit bericht geen informatie over de situatie of de betrokkenen.",
    "Wilt u weten welke stap is gezet, of is er iets veranderd in de situatie? Neem dan contact op met Veilig Thuis via 0800-2000 (gratis, dag en nacht bereikbaar) en noem dat u melder bent.",
  ];
  const footer =
    "Dit bericht is automatisch verstuurd door het Ketenportaal. Antwoorden op dit bericht worden niet gelezen.";
  const text = ["Geachte melder,", "", ...lines, "", footer].join("\n");
  const html = [
    '<!doctype html><html lang="nl"><body style="font-family:system-ui,sans-serif;line-height:1.5">',
    "<p>Geachte melder,</p>",
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p style="color:#555">${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: `${organisationName}: terugkoppeling over uw melding`, text, html };
}
