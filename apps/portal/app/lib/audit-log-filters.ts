import type { AuditAction, AuditOutcome, AuditSearchInput } from "./api-types";
import { type FieldErrors, textOf } from "./form-data";
import { isLocalDate } from "./format";
import { isId } from "./ids";

/**
 * The audit-log search in the address: ids, dates and words from fixed lists only. A case reference or an e-mail
 * address is typed into the form, which is posted; the action turns them into ids (`admin.audit.resolveFilters`)
 * and redirects here, so no personal data ever stands in an address, a browser history or a server log.
 */
export const auditLogParams = {
  caseId: "casus",
  userId: "gebruiker",
  organisationId: "organisatie",
  from: "van",
  to: "tot",
  purpose: "doel",
  action: "actie",
  outcome: "uitkomst",
  cursor: "pagina",
} as const;

/** The form's own field names: the typed reference and address never share a name with an id parameter. */
export const auditLogFields = {
  caseReference: "casuskenmerk",
  userEmail: "email",
  organisationId: auditLogParams.organisationId,
  from: auditLogParams.from,
  to: auditLogParams.to,
  purpose: auditLogParams.purpose,
  action: auditLogParams.action,
  outcome: auditLogParams.outcome,
} as const;

export const auditActions = ["read", "create", "update", "delete", "execute"] as const satisfies readonly AuditAction[];
export const auditOutcomes = ["success", "failure"] as const satisfies readonly AuditOutcome[];
const PURPOSE = /^[a-z][a-z_]{0,39}$/;
const CURSOR = /^[1-9]\d{0,15}$/;

export type AuditLogFilters = {
  caseId: string;
  userId: string;
  organisationId: string;
  from: string;
  to: string;
  purpose: string;
  action: AuditAction | "";
  outcome: AuditOutcome | "";
  cursor: string;
};

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | "" {
  return (allowed as readonly string[]).includes(value) ? (value as T) : "";
}

/** The filters in the address; anything that is not an id, a date or a known word is ignored. */
export function readAuditLogFilters(params: URLSearchParams): AuditLogFilters {
  const get = (name: string) => params.get(name) ?? "";
  const id = (name: string) => (isId(get(name)) ? get(name) : "");
  const date = (name: string) => (isLocalDate(get(name)) ? get(name) : "");
  const from = date(auditLogParams.from);
  const to = date(auditLogParams.to);
  return {
    caseId: id(auditLogParams.caseId),
    userId: id(auditLogParams.userId),
    organisationId: id(auditLogParams.organisationId),
    from,
    // A period the other way round (an edited address) counts from its start only.
    to: from && to && to < from ? "" : to,
    purpose: PURPOSE.test(get(auditLogParams.purpose)) ? get(auditLogParams.purpose) : "",
    action: oneOf(get(auditLogParams.action), auditActions),
    outcome: oneOf(get(auditLogParams.outcome), auditOutcomes),
    cursor: CURSOR.test(get(auditLogParams.cursor)) ? get(auditLogParams.cursor) : "",
  };
}

/** The `admin.audit.search` input for these filters. */
export function auditSearchInputOf(filters: AuditLogFilters): AuditSearchInput {
  return {
    ...(filters.caseId ? { caseId: filters.caseId } : {}),
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(filters.organisationId ? { organisationId: filters.organisationId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.purpose ? { purpose: filters.purpose } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
    limit: 50,
  };
}

export function hasAuditLogFilters(filters: AuditLogFilters): boolean {
  const { cursor: _cursor, ...rest } = filters;
  return Object.values(rest).some(Boolean);
}

/** The address of a search: its id filters in the query string, in a fixed order. */
export function auditLogHref(path: string, filters: Partial<AuditLogFilters>): string {
  const params = new URLSearchParams();
  for (const [key, name] of Object.entries(auditLogParams) as [keyof AuditLogFilters, string][]) {
    const value = filters[key];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** What the posted search form says, checked: typed text stays on the server; the rest is ids, dates and words. */
export type PostedAuditSearch = {
  caseReference: string;
  userEmail: string;
  filters: Omit<AuditLogFilters, "caseId" | "userId" | "cursor">;
  errors: FieldErrors;
};

export function readPostedAuditSearch(
  form: FormData,
  messages: { invalidDate: string; toBeforeFrom: string },
): PostedAuditSearch {
  const text = (name: string) => textOf(form, name).trim();
  const errors: FieldErrors = {};
  const from = text(auditLogFields.from);
  const to = text(auditLogFields.to);
  if (from && !isLocalDate(from)) errors[auditLogFields.from] = messages.invalidDate;
  if (to && !isLocalDate(to)) errors[auditLogFields.to] = messages.invalidDate;
  if (from && to && isLocalDate(from) && isLocalDate(to) && to < from)
    errors[auditLogFields.to] = messages.toBeforeFrom;
  const organisationId = text(auditLogFields.organisationId);
  const purpose = text(auditLogFields.purpose);
  return {
    caseReference: text(auditLogFields.caseReference),
    userEmail: text(auditLogFields.userEmail),
    filters: {
      organisationId: isId(organisationId) ? organisationId : "",
      from: isLocalDate(from) ? from : "",
      to: isLocalDate(to) ? to : "",
      purpose: PURPOSE.test(purpose) ? purpose : "",
      action: oneOf(text(auditLogFields.action), auditActions),
      outcome: oneOf(text(auditLogFields.outcome), auditOutcomes),
    },
    errors,
  };
}
