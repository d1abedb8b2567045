import { auditActions, auditOutcomes } from "@ketenportaal/db";
import { ZLocalDate } from "@ketenportaal/domain";
import { z } from "zod";
import { ZId } from "../handover/shared.types";

/** Most rows a page of the search shows; the default is smaller. */
export const AUDIT_SEARCH_MAX_LIMIT = 100;

/** A purpose of use as the audit rows write it (`handover`, `beheer`, ...): a word, never free text. */
const ZPurpose = z
  .string()
  .regex(/^[a-z][a-z_]{0,39}$/, "Kies een doel uit de lijst.")
  .optional();

/**
 * The beheerder's search of the audit log. Filters are ids, dates, and words from fixed lists only — what a case
 * reference or an e-mail address stands for is found first with `admin.audit.resolveFilters`, so no personal data
 * needs to travel in an address.
 */
export const ZAuditSearchRequest = z
  .object({
    caseId: ZId.optional(),
    userId: ZId.optional(),
    organisationId: ZId.optional(),
    /** First day of the period, inclusive (a day in Europe/Amsterdam). */
    from: ZLocalDate.optional(),
    /** Last day of the period, inclusive (a day in Europe/Amsterdam). */
    to: ZLocalDate.optional(),
    purpose: ZPurpose,
    action: z.enum(auditActions).optional(),
    outcome: z.enum(auditOutcomes).optional(),
    /** The id of the last row of the previous page (rows are listed newest first). */
    cursor: z
      .string()
      .regex(/^[1-9]\d{0,15}$/, "Ongeldige paginaverwijzing.")
      .optional(),
    limit: z.number().int().min(1).max(AUDIT_SEARCH_MAX_LIMIT).default(50),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    path: ["to"],
    message: "De einddatum ligt vóór de begindatum.",
  });
export type AuditSearchRequest = z.infer<typeof ZAuditSearchRequest>;

const ZNamed = z.object({ id: ZId, name: z.string() });

/** One row of the log with the names that make it readable; a name is null when its record is gone or hidden. */
export const ZAuditRow = z.object({
  id: z.string(),
  occurredAt: z.date(),
  user: z.object({ id: ZId, name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  serviceAccount: z.object({ id: ZId, name: z.string().nullable() }).nullable(),
  role: z.string().nullable(),
  organisation: z.object({ id: ZId, name: z.string().nullable() }).nullable(),
  onBehalfOf: z.string().nullable(),
  purpose: z.string(),
  action: z.enum(auditActions),
  objectType: z.string(),
  objectId: z.string().nullable(),
  case: z.object({ id: ZId, reference: z.string().nullable() }).nullable(),
  outcome: z.enum(auditOutcomes),
  requestId: z.string().nullable(),
  clientAddress: z.string().nullable(),
});
export type AuditRow = z.infer<typeof ZAuditRow>;

export const ZAuditSearchResponse = z.object({
  items: z.array(ZAuditRow),
  nextCursor: z.string().nullable(),
  /** What the id filters stand for, so the form can show them again (a case reference, a person). */
  filters: z.object({
    case: z.object({ id: ZId, reference: z.string().nullable() }).nullable(),
    user: z.object({ id: ZId, name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  }),
  /** What the form offers: the organisations of the chain and the purposes of use. */
  options: z.object({
    organisations: z.array(ZNamed),
    purposes: z.array(z.string()),
  }),
});
export type AuditSearchResponse = z.infer<typeof ZAuditSearchResponse>;

/** Turns what a beheerder types — a case reference, an e-mail address — into the ids the search takes. */
export const ZResolveAuditFiltersRequest = z.object({
  caseReference: z.string().trim().min(1).max(60, "Dit kenmerk is te lang.").optional(),
  userEmail: z.string().trim().toLowerCase().min(1).max(320, "Dit e-mailadres is te lang.").optional(),
});
export const ZResolveAuditFiltersResponse = z.object({
  caseId: ZId.nullable(),
  userId: ZId.nullable(),
});
