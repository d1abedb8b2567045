import { casePriorities, organisationKinds, roles, tableDecisionKinds, tableMeetingStatuses } from "@ketenportaal/db";
import { z } from "zod";
import { ZHandoverPackage, ZId, ZVersion } from "../handover/shared.types";

const ZTarget = z.object({ id: ZId, version: ZVersion });
const ZRef = z.object({ id: ZId, name: z.string() });

export const ZTableDecisionKind = z.enum(tableDecisionKinds, { message: "Kies een besluit." });
export const ZTableMeetingStatus = z.enum(tableMeetingStatuses);

export const ZCreateTableRequest = z.object({
  regionId: ZId,
  scheduledAt: z.coerce.date({ message: "Vul datum en tijd van de overdrachtstafel in." }),
  chairUserId: ZId.optional(),
  participantOrganisationIds: z.array(ZId).min(1, "Kies ten minste één deelnemende ketenpartner.").max(50),
});
export const ZListTablesRequest = z.object({
  regionId: ZId.optional(),
  pastLimit: z.number().int().min(0).max(100).default(20),
});
export const ZGetTableRequest = z.object({ id: ZId });
export const ZAddTableItemRequest = z.object({
  meetingId: ZId,
  caseId: ZId,
  /** Every participant reads it before the meeting: no names. */
  shortReason: z
    .string()
    .trim()
    .min(1, "Geef in een paar woorden aan waarom de casus op de agenda staat.")
    .max(200, "Houd de reden kort (maximaal 200 tekens)."),
});
export const ZRemoveTableItemRequest = ZTarget;
/** One shape for all five decisions; the domain says which fields each kind needs. */
export const ZDecideTableItemRequest = ZTarget.merge(ZHandoverPackage).extend({
  kind: ZTableDecisionKind,
  targetTeamId: ZId.nullable().optional(),
  acceptedByUserId: ZId.nullable().optional(),
  partnerOrganisationId: ZId.nullable().optional(),
  partnerWorkerUserId: ZId.nullable().optional(),
  vtWorkerUserId: ZId.nullable().optional(),
  note: z.string().trim().max(2000, "De toelichting is te lang (maximaal 2000 tekens).").nullable().optional(),
});
export const ZCloseTableRequest = ZTarget;

export const ZTableMutationResponse = z.object({ id: ZId, version: ZVersion });
export const ZTableItemMutationResponse = z.object({
  id: ZId,
  meetingId: ZId,
  version: ZVersion.optional(),
  meetingVersion: ZVersion,
});
export const ZDecideTableItemResponse = z.object({
  id: ZId,
  meetingId: ZId,
  decision: ZTableDecisionKind,
  version: ZVersion,
  meetingVersion: ZVersion,
  handoverId: ZId.nullable(),
  vvTrajectoryId: ZId.nullable(),
  postponedToMeetingId: ZId.nullable(),
});
export const ZCloseTableResponse = z.object({ id: ZId, status: ZTableMeetingStatus, version: ZVersion });

export const ZTableSummary = z.object({
  id: ZId,
  status: ZTableMeetingStatus,
  version: ZVersion,
  scheduledAt: z.date(),
  region: ZRef,
  chair: ZRef,
  participants: z.array(ZRef),
  itemCount: z.number().int(),
  undecidedCount: z.number().int(),
  closedAt: z.date().nullable(),
});
export const ZListTablesResponse = z.object({ upcoming: z.array(ZTableSummary), past: z.array(ZTableSummary) });

const ZMeetingHeader = z.object({
  id: ZId,
  status: ZTableMeetingStatus,
  version: ZVersion,
  scheduledAt: z.date(),
  region: ZRef,
  chair: ZRef,
  organisation: ZRef,
  participants: z.array(ZRef.extend({ kind: z.enum(organisationKinds) })),
  closedAt: z.date().nullable(),
});
const ZMunicipality = z.object({ code: z.string(), name: z.string() });

export const ZTableDetail = ZMeetingHeader.extend({
  /** `vt`: the organisation holding the meeting; `participant`: a partner taking part. */
  view: z.enum(["vt", "participant"]),
  allowedActions: z.array(z.enum(["addItem", "removeItem", "decide", "close"])),
  items: z.array(
    z.object({
      id: ZId,
      version: ZVersion,
      position: z.number().int(),
      caseId: ZId,
      caseReference: z.string(),
      municipality: ZMunicipality,
      priority: z.enum(casePriorities),
      shortReason: z.string(),
      postponedFromItemId: ZId.nullable(),
      decision: ZTableDecisionKind.nullable(),
      decidedAt: z.date().nullable(),
      receivingOrganisation: ZRef.nullable(),
      targetTeam: ZRef.nullable(),
      postponedTo: z.object({ id: ZId, scheduledAt: z.date() }).nullable(),
      /** For a partner: this case comes to my organisation, so the follow-up below is mine to open. */
      receivedByMe: z.boolean(),
      handoverId: ZId.nullable(),
      vvTrajectoryId: ZId.nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
});

export const ZTableMinutes = ZMeetingHeader.extend({
  final: z.boolean(),
  items: z.array(
    z.object({
      position: z.number().int(),
      caseReference: z.string(),
      municipality: ZMunicipality,
      decision: ZTableDecisionKind.nullable(),
      receivingOrganisation: ZRef.nullable(),
      targetTeam: z.string().nullable(),
      firstContactDueOn: z.string().nullable(),
      postponedTo: z.date().nullable(),
    }),
  ),
});

/** Organisations with their teams and caseworkers, for the choosers of the table and V&V forms. */
export const ZCaseworkOrganisation = z.object({
  id: ZId,
  name: z.string(),
  kind: z.enum(organisationKinds),
  teams: z.array(ZRef),
  people: z.array(z.object({ id: ZId, name: z.string(), teamId: ZId.nullable(), role: z.enum(roles) })),
});
export const ZTableFormOptionsRequest = z.object({ meetingId: ZId.optional() });
export const ZTableFormOptionsResponse = z.object({
  regions: z.array(ZRef),
  organisations: z.array(ZCaseworkOrganisation),
  agendaCandidates: z.array(
    z.object({
      id: ZId,
      reference: z.string(),
      priority: z.enum(casePriorities),
      municipality: ZMunicipality,
    }),
  ),
});
