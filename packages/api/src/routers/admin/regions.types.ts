import { z } from "zod";
import { ZId, ZVersion } from "../handover/shared.types";

export {
  ZContactFrequencies,
  ZContactFrequenciesResponse,
  ZSetContactFrequenciesRequest,
  ZSetContactFrequenciesResponse,
} from "../waiting-list/waiting-list.types";

/** Working days: whole, within the bounds the database also checks (migration 0027). */
function deadlineDays(what: string, max: number) {
  const message = `Vul de ${what} in als een heel aantal werkdagen van 1 tot en met ${max}.`;
  return z.number({ message }).int(message).min(1, message).max(max, message);
}
export const ZAcceptanceDeadlineDays = deadlineDays("acceptatietermijn", 30);
export const ZFirstContactDeadlineDays = deadlineDays("termijn voor het eerste contact", 60);

const ZRegionName = z
  .string({ message: "Vul de naam van de regio in." })
  .trim()
  .min(2, "Vul de naam van de regio in.")
  .max(120, "De naam is te lang (hoogstens 120 tekens).");

const ZRegionMunicipalityCodes = z
  .array(z.string().regex(/^GM\d{4}$/, "Kies gemeenten uit de lijst."))
  .max(400, "Kies hoogstens 400 gemeenten.")
  .transform((codes) => [...new Set(codes)].sort());

/**
 * What is not sent stays as it is. `municipalityCodes` is the region's whole set: a gemeente of another region in it
 * moves into this one; a gemeente of this region cannot be left out (it always belongs to exactly one region).
 */
export const ZUpdateRegion = z.object({
  id: ZId,
  version: ZVersion,
  name: ZRegionName.optional(),
  contactUserId: z.string({ message: "Kies een aanspreekpunt." }).uuid("Kies een aanspreekpunt.").optional(),
  acceptanceDeadlineDays: ZAcceptanceDeadlineDays.optional(),
  firstContactDeadlineDays: ZFirstContactDeadlineDays.optional(),
  municipalityCodes: ZRegionMunicipalityCodes.optional(),
});

/** A new region: name (the slug is made from it unless given), aanspreekpunt and deadlines; gemeenten move in later. */
export const ZCreateRegion = z.object({
  name: ZRegionName,
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Een slug bestaat uit kleine letters, cijfers en streepjes.")
    .max(60, "De slug is te lang (hoogstens 60 tekens).")
    .optional(),
  contactUserId: z.string({ message: "Kies een aanspreekpunt." }).uuid("Kies een aanspreekpunt."),
  acceptanceDeadlineDays: ZAcceptanceDeadlineDays,
  firstContactDeadlineDays: ZFirstContactDeadlineDays,
});

export const ZRegionRow = z.object({
  id: ZId,
  slug: z.string(),
  name: z.string(),
  version: ZVersion,
  contact: z.object({ id: ZId, name: z.string() }).nullable(),
  acceptanceDeadlineDays: z.number().int(),
  firstContactDeadlineDays: z.number().int(),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Open handovers (draft, offered, accepted, started) of the region that the caller's organisation sees. */
  openHandovers: z.number().int(),
  /** Of those, the ones with a deadline running (offered: acceptance; accepted: first contact). */
  runningDeadlines: z.number().int(),
});

export const ZRegionsResponse = z.object({
  regions: z.array(ZRegionRow),
  /** Every gemeente with the region it is in now. */
  municipalities: z.array(z.object({ code: z.string(), name: z.string(), regionId: ZId, regionName: z.string() })),
  /** Who may be aanspreekpunt: active teamcoördinatoren of an active Veilig Thuis organisation. */
  contactCandidates: z.array(z.object({ id: ZId, name: z.string(), organisationName: z.string() })),
});

export const ZRegionChangeResponse = z.object({
  id: ZId,
  version: ZVersion,
  /** The deadlines changed: they apply to new deadlines only; the running ones stay as they are. */
  deadlinesChanged: z.boolean(),
  runningDeadlines: z.number().int(),
  /** Gemeenten moved into this region from another one. */
  movedMunicipalityCodes: z.array(z.string()),
  /** Dutch: what happened, including that running deadlines stay. */
  message: z.string(),
});
