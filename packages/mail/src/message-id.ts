/**
 * The Message-ID of an e-mail row: the same on every attempt, so a re-send after a crash is recognisable. Shared by
 * the bridge, which sends with it, and the beheer pages, which show it before the message has gone out.
 */
export function messageIdOf(rowId: string): string {
  return `<${rowId}@ketenportaal>`;
}
