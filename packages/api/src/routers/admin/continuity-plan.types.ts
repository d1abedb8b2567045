import { continuityServices, ZLocalDate } from "@ketenportaal/domain";
import { z } from "zod";
import { ZId, ZVersion } from "../handover/shared.types";

export const ZContinuityService = z.enum(continuityServices, { message: "Kies een dienst uit de lijst." });

/** A period as the beheerder and the banner see it: dates, services in order of priority, where it stands. */
export const ZContinuityPlan = z.object({
  id: ZId,
  version: ZVersion,
  startsOn: z.string(),
  expectedEndOn: z.string(),
  /** The last day it applied, once ended (before `startsOn` when called off before it began). */
  endedOn: z.string().nullable(),
  endReason: z.enum(["declared", "reached"]).nullable(),
  services: z.array(ZContinuityService),
  status: z.enum(["planned", "active", "ended"]),
  declaredAt: z.date(),
});

export const ZDeclareContinuityPlanRequest = z.object({
  startsOn: ZLocalDate,
  expectedEndOn: ZLocalDate,
  services: z.array(ZContinuityService, { error: "Kies ten minste één dienst die doorgaat." }),
});

export const ZEndContinuityPlanRequest = z.object({ id: ZId, version: ZVersion });

export const ZListContinuityPlansResponse = z.object({ plans: z.array(ZContinuityPlan) });
