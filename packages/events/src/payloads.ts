import { z } from "zod";

/** Handover events partner systems receive. */
export const handoverEvents = [
  "offered",
  "accepted",
  "declined",
  "withdrawn",
  "started",
  "completed",
  "returned",
  "escalated",
] as const;
export type HandoverEvent = (typeof handoverEvents)[number];

/**
 * The payload of every handover event: identifiers, status, organisations, gemeente and deadlines. No names, no
 * birth years, no free text — `.strict()` refuses any other field, so nothing personal can slip in. A partner system
 * fetches the details through the API with its token.
 */
export const ZHandoverEventPayload = z
  .object({
    handoverId: z.string().uuid(),
    caseId: z.string().uuid(),
    status: z.enum(["draft", "offered", "accepted", "started", "completed", "declined", "withdrawn", "returned"]),
    version: z.number().int().min(1),
    organisationId: z.string().uuid(),
    targetOrganisationId: z.string().uuid(),
    targetTeamId: z.string().uuid(),
    municipalityCode: z.string().regex(/^GM\d{4}$/),
    regionId: z.string().uuid(),
    acceptanceDueOn: z.string().date().nullable(),
    firstContactDueOn: z.string().date().nullable(),
    /** Only on `escalated`: which deadline passed. */
    deadlineKind: z.enum(["acceptance", "first_contact"]).optional(),
    occurredAt: z.string().datetime({ offset: true }),
  })
  .strict();
export type HandoverEventPayload = z.infer<typeof ZHandoverEventPayload>;
