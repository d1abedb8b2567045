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
  "waiting_list_entered",
  "waiting_list_contact_recorded",
  "waiting_list_left",
  "change_signal_recorded",
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
    /** On the waiting-list events: the entry, and (entered, contact) the next contact moment. */
    waitingListEntryId: z.string().uuid().optional(),
    nextContactDueOn: z.string().date().optional(),
    /** On `waiting_list_contact_recorded`: the contact moment and how it went (never its outcome text). */
    contactId: z.string().uuid().optional(),
    contactWay: z.enum(["phone", "letter", "visit"]).optional(),
    /** On `waiting_list_left`. */
    leftReason: z.enum(["service_started", "case_closed"]).optional(),
    /** On `change_signal_recorded`: the signal, its source and kind (never its description); triage is open again. */
    changeSignalId: z.string().uuid().optional(),
    changeSignalSource: z.enum(["melder", "partner", "household"]).optional(),
    changeSignalKind: z
      .enum(["new_incident", "situation_worse", "household_changed", "help_stopped", "other"])
      .optional(),
    occurredAt: z.string().datetime({ offset: true }),
  })
  .strict();
export type CaseEventPayload = z.infer<typeof ZCaseEventPayload>;
