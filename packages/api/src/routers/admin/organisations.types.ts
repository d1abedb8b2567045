import { organisationKinds, ZOrganisationOin } from "@ketenportaal/domain";
import { z } from "zod";
import { ZId, ZVersion } from "../handover/shared.types";

export const ZOrganisationKind = z.enum(organisationKinds, { message: "Kies het soort organisatie." });

const ZOrganisationName = z
  .string({ message: "Vul de naam van de organisatie in." })
  .trim()
  .min(2, "Vul de naam van de organisatie in.")
  .max(120, "De naam is te lang (hoogstens 120 tekens).");

/** Empty means "no OIN" (not every partner has one); anything else is checked for the OIN's shape. */
const ZOptionalOin = z.union([z.literal("").transform(() => null), ZOrganisationOin]).nullable();
const ZOptionalMunicipalityCode = z
  .union([z.literal("").transform(() => null), z.string().regex(/^GM\d{4}$/, "Kies een gemeente uit de lijst.")])
  .nullable();

export const ZOrganisationFields = z.object({
  name: ZOrganisationName,
  kind: ZOrganisationKind,
  oin: ZOptionalOin,
  municipalityCode: ZOptionalMunicipalityCode,
});

export const ZCreateOrganisation = ZOrganisationFields;
export const ZUpdateOrganisation = ZOrganisationFields.extend({ id: ZId, version: ZVersion, active: z.boolean() });

export const ZOrganisationRow = z.object({
  id: ZId,
  version: ZVersion,
  name: z.string(),
  kind: ZOrganisationKind,
  oin: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  active: z.boolean(),
  teamCount: z.number().int(),
  /** The gemeenten its teams serve: where VT's offers to this organisation can go. */
  servedMunicipalityCodes: z.array(z.string()),
});

export const ZMunicipalityOption = z.object({ code: z.string(), name: z.string(), regionName: z.string() });

export const ZOrganisationsResponse = z.object({
  organisations: z.array(ZOrganisationRow),
  municipalities: z.array(ZMunicipalityOption),
});

export const ZOrganisationChangeResponse = z.object({ id: ZId, version: ZVersion });
