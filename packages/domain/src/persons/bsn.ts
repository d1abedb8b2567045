import { validate as validateWithStdnum } from "stdnum/lib/cjs/nl/bsn.js";
import { z } from "zod";

/** A burgerservicenummer as stored: exactly nine digits, elfproef passed, never 000000000. */
export type Bsn = string;

export const BSN_MESSAGES = {
  length: "Een BSN heeft 9 cijfers.",
  elfproef: "Dit BSN is niet geldig (elfproef).",
} as const;

/** How many trailing digits the masked form shows (decision 011). */
export const BSN_VISIBLE_DIGITS = 3;

/** Spaces, dots and dashes are how people write a BSN ("1234.56.782", "123 456 782"); they are not part of it. */
export function compactBsn(input: string): string {
  return input.replace(/[\s.\-\u00a0]/g, "");
}

export type BsnCheck = { ok: true; bsn: Bsn } | { ok: false; reason: keyof typeof BSN_MESSAGES; message: string };

/**
 * Checks a typed BSN. Eight digits are refused, not left-padded: the BRP issues nine, and a dropped digit is a
 * likelier cause than an omitted leading zero (decision 011). The elfproef itself is stdnum's (weights 9..2, −1).
 */
export function checkBsn(input: string): BsnCheck {
  const compact = compactBsn(input);
  if (!/^\d{9}$/.test(compact)) return { ok: false, reason: "length", message: BSN_MESSAGES.length };
  // 000000000 passes the arithmetic but is no one's number.
  if (compact === "000000000" || !validateWithStdnum(compact).isValid) {
    return { ok: false, reason: "elfproef", message: BSN_MESSAGES.elfproef };
  }
  return { ok: true, bsn: compact };
}

export function isValidBsn(input: string): boolean {
  return checkBsn(input).ok;
}

/**
 * The masked form shown everywhere: the usual written grouping 1234.56.782 with all but the last three digits
 * hidden, "****.**.782". Takes a full BSN or only its last digits (what the database hands the application role).
 */
export function maskBsn(bsnOrLastDigits: string): string {
  const last = compactBsn(bsnOrLastDigits).slice(-BSN_VISIBLE_DIGITS).padStart(BSN_VISIBLE_DIGITS, "*");
  return `****.**.${last}`;
}

/** A BSN field: typed with or without dots and spaces, stored compact. */
export const ZBsn = z.string().transform((input, ctx) => {
  const result = checkBsn(input);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }
  return result.bsn;
});
