import { z } from "zod";

/** V&V trajectory events on `ketenportaal.vv`, keyed by the trajectory. */
export const vvEvents = [
  "opened",
  "condition_added",
  "condition_changed",
  "monitoring_scheduled",
  "monitoring_recorded",
  "closed",
] as const;
export type VvEvent = (typeof vvEvents)[number];

/**
 * The payload of every V&V event: the trajectory's ids and status, plus the condition, monitoring moment or close
 * it is about. Never a condition's text, a note or an outcome text: those are free text and stay in the portal.
 */
export const ZVvEventPayload = z
  .object({
    trajectoryId: z.string().uuid(),
    caseId: z.string().uuid(),
    status: z.enum(["open", "closed"]),
    version: z.number().int().min(1),
    organisationId: z.string().uuid(),
    partnerOrganisationId: z.string().uuid(),
    municipalityCode: z.string().regex(/^GM\d{4}$/),
    regionId: z.string().uuid(),
    /** On `condition_added` and `condition_changed`. */
    conditionId: z.string().uuid().optional(),
    conditionOwner: z.enum(["household", "partner", "vt"]).optional(),
    conditionStatus: z.enum(["open", "met", "not_met", "dropped"]).optional(),
    conditionDueOn: z.string().date().optional(),
    /** On `monitoring_scheduled` and `monitoring_recorded`. */
    monitoringMomentId: z.string().uuid().optional(),
    monitoringScheduledOn: z.string().date().optional(),
    /** On `closed`. */
    outcomeCode: z.enum(["safety_restored", "continued_by_partner", "vt_investigation", "raad_request"]).optional(),
    followUpOrganisationId: z.string().uuid().optional(),
    occurredAt: z.string().datetime({ offset: true }),
  })
  .strict();
export type VvEventPayload = z.infer<typeof ZVvEventPayload>;
