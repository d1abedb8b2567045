import { casePriorities } from "@ketenportaal/db";
import {
  changeSignalKinds,
  changeSignalSources,
  contactWays,
  MAX_CONTACT_FREQUENCY_DAYS,
  waitingListLeaveReasons,
  waitingPriorities,
} from "@ketenportaal/domain";
import { z } from "zod";
import { ZId, ZLocalDate, ZVersion } from "../handover/shared.types";

const ZCaseVersion = z.object({ id: ZId, version: ZVersion });

export const ZEnterWaitingListRequest = ZCaseVersion;

export const ZLeaveWaitingListRequest = ZCaseVersion.extend({
  reason: z.enum(waitingListLeaveReasons, { message: "Kies waarom de casus van de wachtlijst gaat." }),
});

export const ZRecordContactMomentRequest = ZCaseVersion.extend({
  /** The day of the contact (Amsterdam); today when absent. */
  contactedOn: ZLocalDate.optional(),
  way: z.enum(contactWays, { message: "Kies hoe er contact was: telefoon, brief of huisbezoek." }),
  outcome: z
    .string({ message: "Vul de uitkomst van het contact in." })
    .trim()
    .min(1, "Vul de uitkomst van het contact in.")
    .max(2000, "De uitkomst is te lang (hoogstens 2000 tekens)."),
});

export const ZRecordChangeSignalRequest = ZCaseVersion.extend({
  source: z.enum(changeSignalSources, { message: "Kies van wie het signaal komt." }),
  kind: z.enum(changeSignalKinds, { message: "Kies wat er veranderd is." }),
  description: z
    .string({ message: "Beschrijf het signaal kort." })
    .trim()
    .min(1, "Beschrijf het signaal kort.")
    .max(500, "De beschrijving is te lang (hoogstens 500 tekens)."),
  /** The day the signal came in (Amsterdam); today when absent. */
  receivedOn: ZLocalDate.optional(),
});

export const ZListWaitingListRequest = z.object({
  regionId: ZId.optional(),
  municipalityCode: z
    .string()
    .regex(/^GM\d{4}$/, "Kies een gemeente.")
    .optional(),
});

export const ZWaitingListMutationResponse = z.object({ id: ZId, version: ZVersion });
export const ZEnterWaitingListResponse = ZWaitingListMutationResponse.extend({
  entryId: ZId,
  nextContactDueOn: z.string(),
});
export const ZRecordContactMomentResponse = ZWaitingListMutationResponse.extend({
  contactId: ZId,
  nextContactDueOn: z.string(),
});
export const ZRecordChangeSignalResponse = ZWaitingListMutationResponse.extend({
  signalId: ZId,
  reassessmentDueOn: z.string(),
  /** Whether the region's teamcoördinator got a notification (not when they recorded it themselves, or none is set). */
  notified: z.boolean(),
});

export const ZWaitingListItem = z.object({
  id: ZId,
  entryId: ZId,
  version: ZVersion,
  reference: z.string(),
  priority: z.enum(casePriorities),
  waitingPriority: z.enum(waitingPriorities),
  municipality: z.object({ code: z.string(), name: z.string() }),
  region: z.object({ id: ZId, name: z.string() }),
  enteredOn: z.string(),
  waitingWorkingDays: z.number().int(),
  nextContactDueOn: z.string(),
  /** Working days until the next contact moment; negative when overdue. */
  workingDaysLeft: z.number().int(),
  overdue: z.boolean(),
  lastContact: z.object({ contactedOn: z.string(), way: z.enum(contactWays), outcome: z.string() }).nullable(),
  /** Set while a change signal has re-opened triage and the new assessment is not done. */
  triageReopened: z.object({ dueOn: z.string() }).nullable(),
  latestChangeSignal: z
    .object({ source: z.enum(changeSignalSources), kind: z.enum(changeSignalKinds), receivedOn: z.string() })
    .nullable(),
});
export const ZListWaitingListResponse = z.object({ items: z.array(ZWaitingListItem) });

const ZFrequencyDays = z.coerce
  .number({ message: "Vul een aantal werkdagen in." })
  .int("Vul een heel aantal werkdagen in.")
  .min(1, "Minstens 1 werkdag.")
  .max(MAX_CONTACT_FREQUENCY_DAYS, `Hoogstens ${MAX_CONTACT_FREQUENCY_DAYS} werkdagen.`);
export const ZContactFrequencies = z.object({ high: ZFrequencyDays, normal: ZFrequencyDays, low: ZFrequencyDays });

export const ZSetContactFrequenciesRequest = z.object({
  regionId: ZId,
  frequencies: ZContactFrequencies,
});
export const ZSetContactFrequenciesResponse = z.object({
  regionId: ZId,
  frequencies: z.object({ high: z.number().int(), normal: z.number().int(), low: z.number().int() }),
});
export const ZContactFrequenciesResponse = z.object({
  defaults: z.object({ high: z.number().int(), normal: z.number().int(), low: z.number().int() }),
  regions: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      frequencies: z.object({ high: z.number().int(), normal: z.number().int(), low: z.number().int() }),
      custom: z.boolean(),
    }),
  ),
});
