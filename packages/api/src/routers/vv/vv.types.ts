import { casePriorities, vvConditionOwners, vvConditionStatuses, vvStatuses, vvTimelineKinds } from "@ketenportaal/db";
import { vvOutcomeCodes } from "@ketenportaal/domain";
import { z } from "zod";
import { ZId, ZInvolvedPerson, ZLocalDate, ZVersion } from "../handover/shared.types";
import { ZCaseworkOrganisation } from "../table/table.types";

const ZRef = z.object({ id: ZId, name: z.string() });
const ZAuthor = z.object({ name: z.string(), organisation: z.string() });
export const ZVvStatus = z.enum(vvStatuses);
export const ZConditionOwner = z.enum(vvConditionOwners, { message: "Kies wie de voorwaarde moet nakomen." });
export const ZConditionStatus = z.enum(vvConditionStatuses, { message: "Kies een status." });
export const ZVvOutcome = z.enum(vvOutcomeCodes, { message: "Kies de uitkomst van het traject." });
const note = (max: number) => z.string().trim().max(max, `De toelichting is te lang (maximaal ${max} tekens).`);

export const ZCreateVvRequest = z.object({
  caseId: ZId,
  /** Defaults to the VT worker who opens it. */
  vtWorkerUserId: ZId.nullable().optional(),
  partnerOrganisationId: ZId.nullable().optional(),
  partnerWorkerUserId: ZId.nullable().optional(),
});
export const ZListVvRequest = z.object({
  status: ZVvStatus.optional(),
  mine: z.boolean().optional(),
  limit: z.number().int().min(1).max(200).default(100),
});
export const ZGetVvRequest = z.object({ id: ZId });
export const ZAddConditionRequest = z.object({
  trajectoryId: ZId,
  text: z
    .string()
    .trim()
    .min(1, "Beschrijf de voorwaarde.")
    .max(1000, "De voorwaarde is te lang (maximaal 1000 tekens)."),
  owner: ZConditionOwner,
  dueOn: ZLocalDate,
  note: note(2000).optional(),
});
export const ZUpdateConditionRequest = z.object({
  id: ZId,
  version: ZVersion,
  status: ZConditionStatus.optional(),
  dueOn: ZLocalDate.optional(),
  note: note(2000).min(1, "Licht de wijziging toe."),
});
export const ZScheduleMonitoringRequest = z.object({
  trajectoryId: ZId,
  scheduledOn: ZLocalDate,
  attendeeUserIds: z.array(ZId).min(1, "Kies wie er bij het monitoringsmoment zijn.").max(20),
});
export const ZRecordMonitoringRequest = z.object({
  id: ZId,
  version: ZVersion,
  outcome: z.string().trim().min(1, "Beschrijf de uitkomst van het monitoringsmoment.").max(5000),
  assessments: z
    .array(z.object({ conditionId: ZId, status: ZConditionStatus, note: note(2000).optional() }))
    .max(100)
    .default([]),
});
export const ZAddTimelineEntryRequest = z.object({
  trajectoryId: ZId,
  text: z.string().trim().min(1, "Schrijf een bericht.").max(5000, "Het bericht is te lang (maximaal 5000 tekens)."),
});
export const ZCloseVvRequest = z.object({
  id: ZId,
  version: ZVersion,
  outcomeCode: ZVvOutcome,
  outcomeText: note(5000).optional(),
  followUpOrganisationId: ZId,
  followUpUserId: ZId,
});

export const ZVvMutationResponse = z.object({ id: ZId, status: ZVvStatus, version: ZVersion });
export const ZConditionMutationResponse = z.object({
  id: ZId,
  status: ZConditionStatus,
  version: ZVersion,
  trajectoryVersion: ZVersion,
});
export const ZMonitoringMutationResponse = z.object({ id: ZId, version: ZVersion, trajectoryVersion: ZVersion });
export const ZTimelineEntryResponse = z.object({ id: z.number().int(), trajectoryId: ZId });

export const ZVvSummary = z.object({
  id: ZId,
  status: ZVvStatus,
  version: ZVersion,
  caseId: ZId,
  caseReference: z.string(),
  priority: z.enum(casePriorities),
  municipality: z.object({ code: z.string(), name: z.string() }),
  vtWorker: ZRef,
  partnerOrganisation: ZRef,
  partnerWorker: ZRef,
  openedAt: z.date(),
  closedAt: z.date().nullable(),
  openConditionCount: z.number().int(),
  overdueConditionCount: z.number().int(),
  overdueMonitoringCount: z.number().int(),
  nextMonitoringOn: z.string().nullable(),
});
export const ZListVvResponse = z.object({ items: z.array(ZVvSummary) });

export const ZVvDetail = ZVvSummary.extend({
  side: z.enum(["vt", "partner"]),
  case: z.object({
    id: ZId,
    reference: z.string(),
    conclusion: z.string().nullable(),
    safetyAssessmentCompletedAt: z.date().nullable(),
    persons: z.array(ZInvolvedPerson),
  }),
  tableItemId: ZId.nullable(),
  outcomeCode: z.string().nullable(),
  outcomeText: z.string().nullable(),
  followUp: z.object({ organisation: ZRef, person: ZRef }).nullable(),
  allowedActions: z.array(
    z.enum(["addCondition", "updateCondition", "scheduleMonitoring", "recordMonitoring", "addTimelineEntry", "close"]),
  ),
  conditions: z.array(
    z.object({
      id: ZId,
      version: ZVersion,
      text: z.string(),
      owner: ZConditionOwner,
      dueOn: z.string(),
      status: ZConditionStatus,
      overdue: z.boolean(),
      history: z.array(
        z.object({
          id: z.number().int(),
          at: z.date(),
          fromStatus: ZConditionStatus.nullable(),
          toStatus: ZConditionStatus,
          fromDueOn: z.string().nullable(),
          toDueOn: z.string(),
          note: z.string().nullable(),
          author: ZAuthor,
          monitoringMomentId: ZId.nullable(),
        }),
      ),
    }),
  ),
  monitoringMoments: z.array(
    z.object({
      id: ZId,
      version: ZVersion,
      scheduledOn: z.string(),
      state: z.enum(["scheduled", "overdue", "recorded"]),
      attendees: z.array(ZRef),
      recordedAt: z.date().nullable(),
      outcome: z.string().nullable(),
      assessments: z.array(z.object({ conditionId: ZId, status: ZConditionStatus, note: z.string().nullable() })),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.number().int(),
      at: z.date(),
      kind: z.enum(vvTimelineKinds),
      text: z.string(),
      author: ZAuthor,
      conditionId: ZId.nullable(),
      monitoringMomentId: ZId.nullable(),
    }),
  ),
});

export const ZVvFormOptionsResponse = z.object({ organisations: z.array(ZCaseworkOrganisation) });
