import { z } from "zod";
import { isValidLocalDate, type LocalDate, ZLocalDate } from "../working-days";

export const MAX_REASON_LENGTH = 2000;
const MAX_REFERRED_TO_LENGTH = 200;

function requiredText({ message, max }: { message: string; max: number }) {
  return z.string({ error: message }).trim().min(1, message).max(max, `Gebruik maximaal ${max} tekens.`);
}

// A blank optional field is treated as absent, so "" never ends up stored as a reason.
function optionalText({ max }: { max: number }) {
  return z
    .string()
    .trim()
    .max(max, `Gebruik maximaal ${max} tekens.`)
    .transform((text) => (text === "" ? undefined : text))
    .optional();
}

export const declineReasonCodes = [
  "no_capacity",
  "outside_area",
  "needs_specialised_care",
  "already_involved",
  "incomplete_information",
  "other",
] as const;

export type DeclineReasonCode = (typeof declineReasonCodes)[number];

export const declineReasonLabels = {
  no_capacity: "Geen capaciteit",
  outside_area: "Buiten ons werkgebied",
  needs_specialised_care: "Specialistische hulp nodig",
  already_involved: "Er is al hulpverlening betrokken",
  incomplete_information: "Onvoldoende informatie",
  other: "Anders",
} as const satisfies Record<DeclineReasonCode, string>;

export const ZDeclineInput = z
  .object({
    reasonCode: z.enum(declineReasonCodes, { error: "Kies een reden om de overdracht af te wijzen." }),
    reasonText: optionalText({ max: MAX_REASON_LENGTH }),
  })
  // "Anders" says nothing on its own; VT has to know why the household is coming back to it.
  .refine((input) => input.reasonCode !== "other" || input.reasonText !== undefined, {
    path: ["reasonText"],
    message: "Licht toe waarom u de overdracht afwijst.",
  });

export type DeclineInput = z.infer<typeof ZDeclineInput>;

export const ZReturnInput = z.object({
  reasonText: requiredText({ message: "Beschrijf waarom de veiligheid in het geding is.", max: MAX_REASON_LENGTH }),
});

export type ReturnInput = z.infer<typeof ZReturnInput>;

export const outcomeCodes = ["help_started", "no_help_needed", "referred_on", "household_unreachable"] as const;

export type OutcomeCode = (typeof outcomeCodes)[number];

export const outcomeLabels = {
  help_started: "Hulp is gestart",
  no_help_needed: "Geen hulp nodig",
  referred_on: "Doorverwezen",
  household_unreachable: "Huishouden niet bereikbaar",
} as const satisfies Record<OutcomeCode, string>;

export const ZCompleteInput = z
  .object({
    outcomeCode: z.enum(outcomeCodes, { error: "Kies de uitkomst van de overdracht." }),
    referredTo: optionalText({ max: MAX_REFERRED_TO_LENGTH }),
  })
  // Without the receiving organisation, a referral is exactly the dead end the closed loop is meant to prevent.
  .refine((input) => input.outcomeCode !== "referred_on" || input.referredTo !== undefined, {
    path: ["referredTo"],
    message: "Vul in naar welke organisatie het huishouden is doorverwezen.",
  });

export type CompleteInput = z.infer<typeof ZCompleteInput>;

/** Whether the date lies after acceptance and not in the future depends on the handover: see checkFirstContactDate. */
export const ZStartInput = z.object({
  firstContactOn: ZLocalDate,
});

export type StartInput = z.infer<typeof ZStartInput>;

const dutchDate = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function formatDutchDate(date: LocalDate): string {
  return dutchDate.format(new Date(`${date}T00:00:00Z`));
}

/**
 * The Dutch reason why this first-contact date cannot be right, or null. `acceptedOn` and `today` are Amsterdam
 * dates (toAmsterdamDate), so contact on the day of acceptance is fine.
 */
export function checkFirstContactDate({
  firstContactOn,
  acceptedOn,
  today,
}: {
  firstContactOn: LocalDate;
  acceptedOn: LocalDate;
  today: LocalDate;
}): string | null {
  if (!isValidLocalDate({ date: firstContactOn })) return "Vul een geldige datum in (JJJJ-MM-DD).";
  if (firstContactOn < acceptedOn) {
    return `Het eerste contact kan niet eerder zijn dan de acceptatie van de overdracht op ${formatDutchDate(acceptedOn)}.`;
  }
  if (firstContactOn > today) return "De datum van het eerste contact kan niet in de toekomst liggen.";
  return null;
}
