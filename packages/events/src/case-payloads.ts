import { z } from "zod";

/**
 * Melding events on `ketenportaal.cases`, keyed by the case: VT's own triage steps. VT is the only addressee; the
 * topic lets VT's own systems (and the gemeente report) follow the 5-day and 10-week norms without polling.
 */
export const caseEvents = [
  "melding_recorded",
  "assessment_completed",
  "investigation_started",
  "investigation_finished",
  "melder_feedback_given",
] as const;
export type CaseEvent = (typeof caseEvents)[number];

/**
 * The payload of every melding event: ids, codes and dates. Never a name, the conclusion, the melder's kind or
 * e-mail address, or any other free text.
 */
export const ZCaseEventPayload = z
  .object({
    caseId: z.string().uuid(),
    organisationId: z.string().uuid(),
    municipalityCode: z.string().regex(/^GM\d{4}$/),
    priority: z.enum(["acute", "high", "normal", "low"]),
    version: z.number().int().min(1),
    safetyAssessmentDueOn: z.string().date(),
    /** On `investigation_started` and `investigation_finished`. */
    investigationDueOn: z.string().date().optional(),
    /** On `melder_feedback_given`: the feedback row and its step; whether an e-mail was queued. */
    feedbackId: z.string().uuid().optional(),
    feedbackStep: z
      .enum(["assessment_completed", "investigation_started", "investigation_finished", "handed_over", "case_closed"])
      .optional(),
    mailQueued: z.boolean().optional(),
    occurredAt: z.string().datetime({ offset: true }),
  })
  .strict();
export type CaseEventPayload = z.infer<typeof ZCaseEventPayload>;
