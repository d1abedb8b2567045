import {
  casePriorities,
  handoverStatuses,
  involvedPersonRoles,
  organisationKinds,
  spokenStatuses,
} from "@ketenportaal/db";
import { z } from "zod";

export const ZId = z.string().uuid("Ongeldige verwijzing.");
export const ZVersion = z.number().int().min(1);
export const ZLocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Gebruik een datum als 2026-11-25.");
export const ZCursorPage = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const ZHandoverStatus = z.enum(handoverStatuses);
export const ZHandoverAction = z.enum(["offer", "withdraw", "accept", "decline", "start", "complete", "return"]);

const longText = (label: string) => z.string().trim().max(10_000, `${label} is te lang (maximaal 10.000 tekens).`);

/** The package fields a VT worker composes; all optional while drafting, all required to offer. */
export const ZHandoverPackage = z.object({
  concerns: longText("De zorgen").nullable().optional(),
  safetyConditions: longText("De veiligheidsvoorwaarden").nullable().optional(),
  householdView: longText("De visie van het huishouden").nullable().optional(),
  vtContactUserId: ZId.nullable().optional(),
  vtJoinsFirstVisit: z.boolean().nullable().optional(),
});

/** A row in the inbox and in lists: references and deadlines, no household names. */
export const ZHandoverSummary = z.object({
  id: ZId,
  status: ZHandoverStatus,
  version: ZVersion,
  caseId: ZId,
  caseReference: z.string(),
  priority: z.enum(casePriorities),
  municipality: z.object({ code: z.string(), name: z.string() }),
  region: z.object({ id: ZId, name: z.string() }),
  organisation: z.object({ id: ZId, name: z.string() }),
  targetOrganisation: z.object({ id: ZId, name: z.string(), kind: z.enum(organisationKinds) }),
  targetTeam: z.object({ id: ZId, name: z.string() }),
  offeredAt: z.date().nullable(),
  acceptanceDueOn: z.string().nullable(),
  firstContactDueOn: z.string().nullable(),
  /** The deadline that applies now (acceptance while offered, first contact while accepted), in working days from today; negative when overdue. */
  currentDeadline: z
    .object({ kind: z.enum(["acceptance", "first_contact"]), dueOn: z.string(), workingDaysLeft: z.number().int() })
    .nullable(),
  overdue: z.boolean(),
  updatedAt: z.date(),
});
export type HandoverSummary = z.infer<typeof ZHandoverSummary>;

export const ZPage = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ZInvolvedPerson = z.object({
  id: ZId,
  position: z.number().int(),
  role: z.enum(involvedPersonRoles),
  name: z.string(),
  birthYear: z.number().int().nullable(),
  /** "****.**.782": the full BSN never appears in a read; VT asks for it with `case.revealBsn`. */
  bsnMasked: z.string().nullable(),
  spokenStatus: z.enum(spokenStatuses).nullable(),
  notSpokenReason: z.string().nullable(),
});

export const ZHistoryEntry = z.object({
  id: z.number().int(),
  at: z.date(),
  action: z.string(),
  fromStatus: ZHandoverStatus.nullable(),
  toStatus: ZHandoverStatus,
  actor: z.object({ name: z.string(), organisation: z.string().nullable() }),
  reason: z.string().nullable(),
});

export const ZMissingItem = z.object({
  code: z.string(),
  field: z.string(),
  personId: z.string().optional(),
  message: z.string(),
});

export const ZHandoverDetail = ZHandoverSummary.extend({
  case: z.object({
    id: ZId,
    reference: z.string(),
    reportedAt: z.date(),
    safetyAssessmentDueOn: z.string(),
    safetyAssessmentCompletedAt: z.date().nullable(),
    conclusion: z.string().nullable(),
    persons: z.array(ZInvolvedPerson),
  }),
  concerns: z.string().nullable(),
  safetyConditions: z.string().nullable(),
  householdView: z.string().nullable(),
  vtContact: z.object({ id: ZId, name: z.string() }).nullable(),
  vtJoinsFirstVisit: z.boolean().nullable(),
  offeringUser: z.object({ id: ZId, name: z.string() }),
  assignedUser: z.object({ id: ZId, name: z.string() }).nullable(),
  acceptedAt: z.date().nullable(),
  firstContactOn: z.string().nullable(),
  closedAt: z.date().nullable(),
  declineReasonCode: z.string().nullable(),
  declineReasonText: z.string().nullable(),
  returnReasonText: z.string().nullable(),
  outcomeCode: z.string().nullable(),
  outcomeReferredTo: z.string().nullable(),
  history: z.array(ZHistoryEntry),
  /** What the caller may do now; the portal shows these buttons only. */
  allowedActions: z.array(
    z.enum(["update", "offer", "withdraw", "accept", "decline", "assign", "start", "complete", "return"]),
  ),
  /** For a draft: what still blocks the offer. */
  missingItems: z.array(ZMissingItem),
});
export type HandoverDetail = z.infer<typeof ZHandoverDetail>;
