import { roles } from "@ketenportaal/db";
import { ZEmailAddress } from "@ketenportaal/domain";
import { z } from "zod";
import { ZId } from "../handover/shared.types";

export const ZPersonRole = z.enum(roles, { message: "Kies een rol." });

const ZOptionalTeamId = z.union([z.literal("").transform(() => null), ZId]).nullable();

export const ZListPeople = z.object({ organisationId: ZId.optional() }).optional();

const ZPersonName = z
  .string({ message: "Vul de naam in." })
  .trim()
  .min(2, "Vul de naam in.")
  .max(120, "De naam is te lang (hoogstens 120 tekens).");
const ZPersonEmail = z.string({ message: "Vul een e-mailadres in." }).pipe(ZEmailAddress);

export const ZInvitePerson = z.object({
  name: ZPersonName,
  email: ZPersonEmail,
  organisationId: ZId,
  teamId: ZOptionalTeamId,
  role: ZPersonRole,
});

/**
 * The form sends the role and team it showed: a change since then is a conflict, not an overwrite. The person's name
 * and e-mail address may come along (with what the form showed of them); left out, they stay as they are.
 */
export const ZUpdateMembership = z
  .object({
    membershipId: ZId,
    role: ZPersonRole,
    teamId: ZOptionalTeamId,
    expectedRole: ZPersonRole,
    expectedTeamId: ZOptionalTeamId,
    name: ZPersonName.optional(),
    email: ZPersonEmail.optional(),
    expectedName: z.string().max(200).optional(),
    expectedEmail: z.string().max(400).optional(),
  })
  .refine((input) => input.name === undefined || input.expectedName !== undefined, {
    message: "Dit verzoek is niet geldig. Laad de pagina opnieuw en probeer het nog eens.",
    path: ["expectedName"],
  })
  .refine((input) => input.email === undefined || input.expectedEmail !== undefined, {
    message: "Dit verzoek is niet geldig. Laad de pagina opnieuw en probeer het nog eens.",
    path: ["expectedEmail"],
  });

export const ZPersonRequest = z.object({ userId: ZId });

export const ZPersonRow = z.object({
  userId: ZId,
  membershipId: ZId,
  name: z.string(),
  email: z.string(),
  role: ZPersonRole,
  teamId: ZId.nullable(),
  teamName: z.string().nullable(),
  active: z.boolean(),
  invite: z.enum(["open", "expired", "used"]).nullable(),
});

export const ZPeopleResponse = z.object({
  organisationId: ZId,
  organisations: z.array(z.object({ id: ZId, name: z.string(), kind: z.string(), active: z.boolean() })),
  teams: z.array(z.object({ id: ZId, name: z.string() })),
  roles: z.array(ZPersonRole),
  people: z.array(ZPersonRow),
});

export const ZInvitePersonResponse = z.object({ userId: ZId, mailId: ZId });
export const ZPersonChangeResponse = z.object({ userId: ZId, endedSessions: z.number().int().optional() });
