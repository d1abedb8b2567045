import { casePriorities, involvedPersonRoles, spokenStatuses } from "@ketenportaal/db";
import { ZBsn } from "@ketenportaal/domain";
import { z } from "zod";
import { ZCursorPage, ZId, ZInvolvedPerson, ZPage, ZVersion } from "../handover/shared.types";

export const ZPersonInput = z
  .object({
    /** The stored person this row continues; with `bsn` absent, that person's recorded BSN is kept. */
    id: ZId.optional(),
    role: z.enum(involvedPersonRoles, { message: "Kies de rol van deze persoon." }),
    name: z.string().trim().min(1, "Vul de naam in.").max(200, "De naam is te lang."),
    birthYear: z
      .number()
      .int()
      .min(1900, "Vul een geldig geboortejaar in.")
      .max(2100, "Vul een geldig geboortejaar in.")
      .nullable()
      .optional(),
    /** Nine digits, dots and spaces allowed, elfproef checked; null removes it; absent keeps the stored one (with `id`). */
    bsn: ZBsn.nullable().optional(),
    spokenStatus: z.enum(spokenStatuses).nullable().optional(),
    notSpokenReason: z.string().trim().max(2000, "De reden is te lang.").nullable().optional(),
  })
  .refine((p) => p.spokenStatus !== "not_spoken" || Boolean(p.notSpokenReason), {
    message: "Geef aan waarom deze persoon niet gesproken is.",
    path: ["notSpokenReason"],
  });

export const ZCreateCaseRequest = z.object({
  reference: z.string().trim().min(1, "Vul het VT-registratienummer in.").max(50, "Het registratienummer is te lang."),
  municipalityCode: z.string().regex(/^GM\d{4}$/, "Kies een gemeente."),
  priority: z.enum(casePriorities).default("normal"),
  reportedAt: z.coerce.date({ message: "Vul de meldingsdatum in." }),
  safetyAssessmentCompleted: z.boolean().default(false),
  conclusion: z.string().trim().max(10_000, "De conclusie is te lang.").nullable().optional(),
  persons: z.array(ZPersonInput).max(30, "Maximaal 30 directbetrokkenen.").default([]),
});

export const ZUpdateCaseRequest = z.object({
  id: ZId,
  version: ZVersion,
  priority: z.enum(casePriorities).optional(),
  safetyAssessmentCompleted: z.boolean().optional(),
  conclusion: z.string().trim().max(10_000, "De conclusie is te lang.").nullable().optional(),
  /** When given, replaces the list of involved persons. */
  persons: z.array(ZPersonInput).max(30, "Maximaal 30 directbetrokkenen.").optional(),
});

export const ZCaseDetail = z.object({
  id: ZId,
  version: ZVersion,
  reference: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  priority: z.enum(casePriorities),
  reportedAt: z.date(),
  safetyAssessmentDueOn: z.string(),
  safetyAssessmentCompletedAt: z.date().nullable(),
  conclusion: z.string().nullable(),
  persons: z.array(ZInvolvedPerson),
  handovers: z.array(z.object({ id: ZId, status: z.string(), targetTeam: z.string() })),
});

export const ZGetCaseRequest = z.object({ id: ZId });
export const ZRevealBsnRequest = z.object({ personId: ZId });
/** The full BSN, for a VT medewerker of the owning organisation who asked for it ("Toon BSN"); the read is audited. */
export const ZRevealBsnResponse = z.object({ personId: ZId, bsn: z.string().nullable() });
export const ZListCasesRequest = ZCursorPage.extend({ search: z.string().trim().max(50).optional() });
export const ZCaseSummary = ZCaseDetail.pick({
  id: true,
  reference: true,
  municipality: true,
  priority: true,
  reportedAt: true,
  safetyAssessmentCompletedAt: true,
});
export const ZListCasesResponse = ZPage(ZCaseSummary);
export const ZCaseMutationResponse = z.object({ id: ZId, version: ZVersion });
