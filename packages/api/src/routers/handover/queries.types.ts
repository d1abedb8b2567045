import { z } from "zod";
import { ZCursorPage, ZHandoverStatus, ZHandoverSummary, ZId, ZPage } from "./shared.types";

export const ZInboxRequest = ZCursorPage;
export const ZInboxResponse = ZPage(ZHandoverSummary);

export const ZListHandoversRequest = ZCursorPage.extend({
  status: z.array(ZHandoverStatus).optional(),
  municipalityCode: z
    .string()
    .regex(/^GM\d{4}$/, "Onbekende gemeente.")
    .optional(),
  regionId: ZId.optional(),
  teamId: ZId.optional(),
  overdue: z.boolean().optional(),
  /** Coordinators: only the regions where I am aanspreekpunt, past deadline first. */
  myRegions: z.boolean().optional(),
});
export const ZListHandoversResponse = ZPage(ZHandoverSummary);

export const ZGetHandoverRequest = z.object({ id: ZId });

/** What the new-handover form needs: teams to offer to, VT contacts, gemeenten. */
export const ZHandoverFormOptionsResponse = z.object({
  teams: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      organisation: z.object({ id: ZId, name: z.string(), kind: z.string() }),
      municipalityCodes: z.array(z.string()),
    }),
  ),
  vtContacts: z.array(z.object({ id: ZId, name: z.string(), regionNames: z.array(z.string()) })),
  municipalities: z.array(z.object({ code: z.string(), name: z.string(), regionId: ZId, regionName: z.string() })),
  regions: z.array(z.object({ id: ZId, name: z.string() })),
});
export const ZAssigneesRequest = z.object({ id: ZId });
export const ZAssigneesResponse = z.array(z.object({ id: ZId, name: z.string() }));
