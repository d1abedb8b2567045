import { z } from "zod";
import { ZHandoverPackage, ZId, ZLocalDate, ZVersion } from "./shared.types";

const ZTarget = z.object({ id: ZId, version: ZVersion });

export const ZCreateHandoverRequest = ZHandoverPackage.extend({ caseId: ZId, targetTeamId: ZId });
export const ZUpdateHandoverRequest = ZTarget.merge(ZHandoverPackage).extend({ targetTeamId: ZId.optional() });
export const ZOfferHandoverRequest = ZTarget;
export const ZWithdrawHandoverRequest = ZTarget.extend({
  reasonText: z.string().trim().max(2000, "De toelichting is te lang.").optional(),
});
export const ZAcceptHandoverRequest = ZTarget;
export const ZDeclineHandoverRequest = ZTarget.extend({
  reasonCode: z.enum(
    ["no_capacity", "outside_area", "needs_specialised_care", "already_involved", "incomplete_information", "other"],
    { message: "Kies een reden." },
  ),
  reasonText: z.string().trim().max(2000, "De toelichting is te lang.").optional(),
});
export const ZAssignHandoverRequest = ZTarget.extend({ userId: ZId });
export const ZStartHandoverRequest = ZTarget.extend({ firstContactOn: ZLocalDate });
export const ZCompleteHandoverRequest = ZTarget.extend({
  outcomeCode: z.enum(["help_started", "no_help_needed", "referred_on", "household_unreachable"], {
    message: "Kies een uitkomst.",
  }),
  referredTo: z.string().trim().max(200, "Dit is te lang (maximaal 200 tekens).").optional(),
});
export const ZReturnHandoverRequest = ZTarget.extend({
  reasonText: z
    .string()
    .trim()
    .min(1, "Beschrijf waarom de veiligheid in het geding is.")
    .max(2000, "De toelichting is te lang."),
});

/** Every mutation answers with the handover's new state, so the caller can go on without reading it again. */
export const ZHandoverMutationResponse = z.object({ id: ZId, status: z.string(), version: ZVersion });
