import { isValidBsn } from "../persons/bsn";

export const BOTTLENECK_MAX_LENGTH = 2000;

// Nine digits, optionally grouped as 1234.56.782 or with spaces, not part of a longer number (a full stop after
// it ends the sentence).
const NINE_DIGITS = /(?<!\d|\d\.)\d{4}[ .]?\d{2}[ .]?\d{3}(?!\d|\.\d)/g;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/**
 * A knelpunt is read by the gemeenten of the region, so it is about the work (capacity, waiting, agreements), never
 * a household. What can be recognised mechanically is refused: a valid BSN, an e-mail address. Names cannot be
 * recognised, so the form says it in words.
 */
export function checkBottleneckText(options: {
  text: string;
}): { ok: true; text: string } | { ok: false; message: string } {
  const text = options.text.trim();
  if (text.length === 0) return { ok: false, message: "Beschrijf het knelpunt." };
  if (text.length > BOTTLENECK_MAX_LENGTH) {
    return { ok: false, message: `Houd het knelpunt korter dan ${BOTTLENECK_MAX_LENGTH} tekens.` };
  }
  const bsn = [...text.matchAll(NINE_DIGITS)].some((match) => isValidBsn(match[0]));
  if (bsn) return { ok: false, message: "Er staat een BSN in de tekst. Gemeenten lezen mee: haal het weg." };
  if (EMAIL.test(text)) {
    return { ok: false, message: "Er staat een e-mailadres in de tekst. Gemeenten lezen mee: haal het weg." };
  }
  return { ok: true, text };
}
