import { ZTeamNotificationEmail } from "@ketenportaal/domain";
import { z } from "zod";
import { ZId, ZVersion } from "../handover/shared.types";
import { ZMunicipalityOption, ZOrganisationKind } from "./organisations.types";

const ZTeamName = z
  .string({ message: "Vul de naam van het team in." })
  .trim()
  .min(2, "Vul de naam van het team in.")
  .max(120, "De naam is te lang (hoogstens 120 tekens).");

const ZMunicipalityCodes = z
  .array(z.string().regex(/^GM\d{4}$/, "Kies gemeenten uit de lijst."))
  .max(100, "Kies hoogstens 100 gemeenten.")
  .transform((codes) => [...new Set(codes)].sort());

export const ZListTeams = z.object({ organisationId: ZId.optional() }).optional();

export const ZCreateTeam = z.object({
  organisationId: ZId,
  name: ZTeamName,
  notificationEmail: ZTeamNotificationEmail,
  municipalityCodes: ZMunicipalityCodes,
});

/**
 * What is not sent stays as it is: a partner coördinator's form sends only the notification address (they may change
 * nothing else); the beheerder's form sends all fields.
 */
export const ZUpdateTeam = z.object({
  id: ZId,
  version: ZVersion,
  name: ZTeamName.optional(),
  notificationEmail: ZTeamNotificationEmail.optional(),
  municipalityCodes: ZMunicipalityCodes.optional(),
});

export const ZSendTeamTestMessage = z.object({ id: ZId });

export const ZTeamRow = z.object({
  id: ZId,
  version: ZVersion,
  organisationId: ZId,
  name: z.string(),
  notificationEmail: z.string(),
  municipalityCodes: z.array(z.string()),
  /** Offered, accepted or started handovers addressed to the team. */
  openHandovers: z.number().int(),
});

export const ZTeamsResponse = z.object({
  /** The organisations the caller may pick (the beheerder: all; a partner coördinator: their own). */
  organisations: z.array(z.object({ id: ZId, name: z.string(), kind: ZOrganisationKind, active: z.boolean() })),
  organisationId: ZId,
  teams: z.array(ZTeamRow),
  municipalities: z.array(ZMunicipalityOption),
  /** The beheerder creates teams and changes names and gemeenten; a partner coördinator only the address. */
  canManageAll: z.boolean(),
});

export const ZTeamChangeResponse = z.object({ id: ZId, version: ZVersion });
export const ZSendTeamTestMessageResponse = z.object({ mailId: ZId });
