import { z } from "zod";

/** Continuity plan events on `ketenportaal.continuity-plan`, keyed by the plan: its period began, its period ended. */
export const continuityPlanEvents = ["started", "ended"] as const;
export type ContinuityPlanEvent = (typeof continuityPlanEvents)[number];

/** The services of the plan as codes, in the plan's order of priority (the contract's copy of packages/domain). */
export const continuityPlanServiceCodes = [
  "crisis_service",
  "sexual_violence_centre",
  "duty_desk",
  "safety_assessments",
  "handover",
  "urgent_investigation",
  "vv",
  "monitoring",
] as const;

/**
 * The payload of a continuity plan event: the plan's id, VT's organisation, its dates and the services that keep
 * running. No person, no free text.
 */
export const ZContinuityPlanEventPayload = z
  .object({
    planId: z.string().uuid(),
    organisationId: z.string().uuid(),
    startsOn: z.string().date(),
    expectedEndOn: z.string().date(),
    /** On `ended`: the last day the plan applied. */
    endedOn: z.string().date().optional(),
    /** On `ended`: by the beheerder (`declared`) or because the expected end passed (`reached`). */
    endReason: z.enum(["declared", "reached"]).optional(),
    services: z.array(z.enum(continuityPlanServiceCodes)).min(1),
    version: z.number().int().min(1),
    occurredAt: z.string().datetime({ offset: true }),
  })
  .strict();
export type ContinuityPlanEventPayload = z.infer<typeof ZContinuityPlanEventPayload>;
