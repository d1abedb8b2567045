import { casePriorities } from "@ketenportaal/db";
import { melderFeedbackSteps, melderKinds } from "@ketenportaal/domain";
import { z } from "zod";
import { ZCursorPage, ZId, ZLocalDate, ZPage, ZVersion } from "../handover/shared.types";

const ZCaseVersion = z.object({ id: ZId, version: ZVersion });

/** The melding as VT received it: when, where, from whom, and the factors that set its priority. */
export const ZRecordMeldingRequest = ZCaseVersion.extend({
  reportedAt: z.coerce.date({ message: "Vul de datum en tijd van ontvangst in." }),
  municipalityCode: z.string().regex(/^GM\d{4}$/, "Kies een gemeente."),
  melderKind: z.enum(melderKinds, { message: "Kies of de melder een professional is." }),
  /** Only for a professional melder: where the terugkoppeling goes. Null removes it. */
  melderEmail: z
    .string()
    .trim()
    .max(254, "Het e-mailadres is te lang.")
    .email("Vul een geldig e-mailadres in, of laat het veld leeg.")
    .nullable()
    .optional(),
  urgent: z.boolean().default(false),
  childrenInHousehold: z.boolean().default(false),
  elderlyInHousehold: z.boolean().default(false),
  existingHelp: z.boolean().default(false),
});

export const ZCompleteAssessmentRequest = ZCaseVersion.extend({
  conclusion: z
    .string({ message: "Vul de conclusie van de veiligheidsbeoordeling in." })
    .trim()
    .min(1, "Vul de conclusie van de veiligheidsbeoordeling in.")
    .max(10_000, "De conclusie is te lang."),
});

export const ZInvestigationRequest = ZCaseVersion;

export const ZRecordMelderFeedbackRequest = ZCaseVersion.extend({
  step: z.enum(melderFeedbackSteps, { message: "Kies welke stap u hebt teruggekoppeld." }),
  /** The day the feedback was given (Amsterdam); today when absent. */
  givenOn: ZLocalDate.optional(),
});

export const ZMeldingMutationResponse = z.object({ id: ZId, version: ZVersion });
export const ZMelderFeedbackResponse = ZMeldingMutationResponse.extend({
  feedbackId: ZId,
  mailQueued: z.boolean(),
});

export const ZGetMeldingRequest = z.object({ id: ZId });

export const ZMeldingDetail = z.object({
  id: ZId,
  version: ZVersion,
  reference: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  priority: z.enum(casePriorities),
  reportedAt: z.date(),
  melderKind: z.enum(melderKinds).nullable(),
  /** VT's own record of the professional melder's address; never in an event, e-mail body or URL. */
  melderEmail: z.string().nullable(),
  factors: z.object({
    urgent: z.boolean(),
    childrenInHousehold: z.boolean(),
    elderlyInHousehold: z.boolean(),
    existingHelp: z.boolean(),
  }),
  safetyAssessmentDueOn: z.string(),
  safetyAssessmentCompletedAt: z.date().nullable(),
  conclusion: z.string().nullable(),
  /** Working days until the assessment is due, negative when overdue; null once it is complete. */
  workingDaysLeft: z.number().int().nullable(),
  investigation: z
    .object({
      startedAt: z.date(),
      dueOn: z.string(),
      finishedAt: z.date().nullable(),
      workingDaysLeft: z.number().int().nullable(),
    })
    .nullable(),
  feedback: z.array(
    z.object({ id: ZId, step: z.enum(melderFeedbackSteps), givenOn: z.string(), mailQueued: z.boolean() }),
  ),
});

export const ZTriageQueueRequest = ZCursorPage.extend({
  municipalityCode: z
    .string()
    .regex(/^GM\d{4}$/, "Kies een gemeente.")
    .optional(),
});

/** A row of the triage queue: what the case list shows, plus the due date and the working days left. */
export const ZTriageItem = z.object({
  id: ZId,
  reference: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  priority: z.enum(casePriorities),
  reportedAt: z.date(),
  safetyAssessmentDueOn: z.string(),
  workingDaysLeft: z.number().int(),
  overdue: z.boolean(),
});
export const ZTriageQueueResponse = ZPage(ZTriageItem);
