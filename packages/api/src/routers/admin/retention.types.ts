import {
  destructionRefusalCodes,
  destructionRequesterCategories,
  destructionRequestStatuses,
  ZLocalDate,
} from "@ketenportaal/domain";
import { z } from "zod";
import { ZId, ZVersion } from "../handover/shared.types";

export const ZDestructionRequesterCategory = z.enum(destructionRequesterCategories, {
  message: "Kies wie om vernietiging vraagt.",
});
export const ZDestructionRefusalCode = z.enum(destructionRefusalCodes, {
  message: "Kies een reden voor de weigering.",
});

/** A file whose retention ends soon (or has ended: the scheduled job destroys it on its next run). */
export const ZRetentionDueFile = z.object({
  caseId: ZId,
  reference: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  closedOn: z.string(),
  retainUntil: z.string(),
  expired: z.boolean(),
});

/** A Wmo 2015 request as recorded: dates and categories, never the requester's name. */
export const ZDestructionRequest = z.object({
  id: ZId,
  version: ZVersion,
  caseId: ZId,
  /** Null once the file is gone. */
  caseReference: z.string().nullable(),
  requestedOn: z.string(),
  requesterCategory: ZDestructionRequesterCategory,
  dueOn: z.string(),
  status: z.enum(destructionRequestStatuses),
  refusalCode: ZDestructionRefusalCode.nullable(),
  recordedAt: z.date(),
  decidedAt: z.date().nullable(),
  /** Open and past its deadline. */
  overdue: z.boolean(),
  /** Something in the file is still in progress: it cannot be destroyed now. */
  fileInProgress: z.boolean(),
});

export const ZRetentionOverviewResponse = z.object({
  /** Today in Europe/Amsterdam, the day the lists were computed for. */
  today: z.string(),
  dueFiles: z.array(ZRetentionDueFile),
  requests: z.array(ZDestructionRequest),
});

export const ZRecordDestructionRequest = z.object({
  caseReference: z.string().trim().min(1, "Vul het kenmerk van het dossier in.").max(50, "Het kenmerk is te lang."),
  requestedOn: ZLocalDate,
  requesterCategory: ZDestructionRequesterCategory,
});
export const ZRecordDestructionRequestResponse = z.object({ id: ZId, dueOn: z.string() });

export const ZCarryOutDestructionRequest = z.object({ id: ZId, version: ZVersion });
export const ZRefuseDestructionRequest = z.object({ id: ZId, version: ZVersion, reasonCode: ZDestructionRefusalCode });
export const ZDecideDestructionRequestResponse = z.object({
  id: ZId,
  status: z.enum(destructionRequestStatuses),
  decidedAt: z.date(),
});
