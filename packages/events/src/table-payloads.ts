import { z } from "zod";

/** Overdrachtstafel events on `ketenportaal.tables`, keyed by the meeting. */
export const tableEvents = ["decided", "closed"] as const;
export type TableEvent = (typeof tableEvents)[number];

const decisionKind = z.enum(["handover", "vv", "vt_keeps", "raad_request", "postpone"]);

/**
 * One agenda item decided: which case, which decision and the follow-up it created. Ids and codes only; a partner
 * system that receives the case fetches the handover or trajectory through the API.
 */
export const ZTableDecidedPayload = z
  .object({
    meetingId: z.string().uuid(),
    itemId: z.string().uuid(),
    caseId: z.string().uuid(),
    organisationId: z.string().uuid(),
    regionId: z.string().uuid(),
    municipalityCode: z.string().regex(/^GM\d{4}$/),
    decision: decisionKind,
    receivingOrganisationId: z.string().uuid().nullable(),
    handoverId: z.string().uuid().nullable(),
    vvTrajectoryId: z.string().uuid().nullable(),
    postponedToMeetingId: z.string().uuid().nullable(),
    version: z.number().int().min(1),
    occurredAt: z.string().datetime({ offset: true }),
  })
  .strict();
export type TableDecidedPayload = z.infer<typeof ZTableDecidedPayload>;

/** The meeting closed: the minutes are final. Counts per decision kind, no case list. */
export const ZTableClosedPayload = z
  .object({
    meetingId: z.string().uuid(),
    organisationId: z.string().uuid(),
    regionId: z.string().uuid(),
    scheduledAt: z.string().datetime({ offset: true }),
    participantOrganisationIds: z.array(z.string().uuid()),
    itemCount: z.number().int().min(0),
    decisionCounts: z
      .object({
        handover: z.number().int().min(0),
        vv: z.number().int().min(0),
        vt_keeps: z.number().int().min(0),
        raad_request: z.number().int().min(0),
        postpone: z.number().int().min(0),
      })
      .strict(),
    version: z.number().int().min(1),
    occurredAt: z.string().datetime({ offset: true }),
  })
  .strict();
export type TableClosedPayload = z.infer<typeof ZTableClosedPayload>;
