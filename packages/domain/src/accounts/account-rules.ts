import { z } from "zod";

/** NIST SP 800-63B: length over composition rules. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

export const ZEmailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "Dit e-mailadres is te lang.")
  .email("Vul een geldig e-mailadres in.");

export const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Een wachtwoord heeft minstens ${MIN_PASSWORD_LENGTH} tekens.`)
  .max(MAX_PASSWORD_LENGTH, "Dit wachtwoord is te lang.");

/** Organisatie-identificatienummer: 20 digits (Logius). */
export const ZOin = z.string().regex(/^\d{20}$/, "Een OIN bestaat uit 20 cijfers.");

/** CBS gemeentecode, e.g. GM0392 for Haarlem. */
export const ZMunicipalityCode = z.string().regex(/^GM\d{4}$/, "Een gemeentecode ziet eruit als GM0392.");
