import { auditLog, cases, organisations, serviceAccounts, users } from "@ketenportaal/db";
import { endOfAmsterdamDay, startOfAmsterdamDay } from "@ketenportaal/domain";
import { and, asc, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { UserContext } from "../../context";
import type {
  AuditSearchRequest,
  AuditSearchResponse,
  ZResolveAuditFiltersRequest,
  ZResolveAuditFiltersResponse,
} from "../../routers/admin/audit.types";
import { auditActorOf, writeAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import { requireFunctionalAdmin } from "./admin-access";

/** The purposes of use the audit rows are written with (doelbinding); the search offers these. */
export const AUDIT_PURPOSES = ["handover", "handover_table", "vv", "beheer", "authentication"] as const;

/** The search's filters as ids, dates and words only: what the search's own audit row records. */
function describeFilters(filters: Omit<AuditSearchRequest, "limit">): string | null {
  const parts = (
    [
      ["case", filters.caseId],
      ["user", filters.userId],
      ["organisation", filters.organisationId],
      ["from", filters.from],
      ["to", filters.to],
      ["purpose", filters.purpose],
      ["action", filters.action],
      ["outcome", filters.outcome],
      ["after", filters.cursor],
    ] as const
  ).flatMap(([key, value]) => (value ? [`${key}=${value}`] : []));
  return parts.length > 0 ? parts.join(" ") : null;
}

/** One `beheer` read row for a use of the audit log itself: who searched, and for what (ids only). */
async function auditSearchUse(
  ctx: UserContext,
  entry: { objectType: string; objectId: string | null; caseId?: string | null | undefined },
) {
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    occurredAt: ctx.now(),
    purpose: "beheer",
    action: "read",
    objectType: entry.objectType,
    objectId: entry.objectId,
    caseId: entry.caseId ?? null,
    outcome: "success",
  });
}

/**
 * The functioneel beheerder searches the audit log (NEN 7513): newest first, paged by (occurred_at, id) compared in
 * the database. Which rows exist for them is the policy's call (migration 0011): their organisation's rows, rows
 * about its cases, its people's failed logins. The search is on record itself, with its filters as ids.
 */
export async function searchAuditLog(options: {
  ctx: UserContext;
  filters: AuditSearchRequest;
}): Promise<AuditSearchResponse> {
  const { ctx, filters } = options;
  requireFunctionalAdmin(ctx);

  const conditions: SQL[] = [];
  if (filters.caseId) conditions.push(eq(auditLog.caseId, filters.caseId));
  if (filters.userId) conditions.push(eq(auditLog.userId, filters.userId));
  if (filters.organisationId) conditions.push(eq(auditLog.organisationId, filters.organisationId));
  if (filters.from) conditions.push(gte(auditLog.occurredAt, startOfAmsterdamDay({ date: filters.from })));
  if (filters.to) conditions.push(lt(auditLog.occurredAt, endOfAmsterdamDay({ date: filters.to })));
  if (filters.purpose) conditions.push(eq(auditLog.purpose, filters.purpose));
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.outcome) conditions.push(eq(auditLog.outcome, filters.outcome));
  if (filters.cursor) {
    conditions.push(
      sql`(${auditLog.occurredAt}, ${auditLog.id}) < (select a.occurred_at, a.id from audit_log a where a.id = ${filters.cursor})`,
    );
  }

  const rows = await ctx.tx
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      userId: auditLog.userId,
      userName: users.name,
      userEmail: users.email,
      serviceAccountId: auditLog.serviceAccountId,
      serviceAccountName: serviceAccounts.name,
      role: auditLog.role,
      organisationId: auditLog.organisationId,
      organisationName: organisations.name,
      onBehalfOf: auditLog.onBehalfOf,
      purpose: auditLog.purpose,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      caseId: auditLog.caseId,
      caseReference: cases.reference,
      outcome: auditLog.outcome,
      requestId: auditLog.requestId,
      clientAddress: auditLog.clientAddress,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(serviceAccounts, eq(serviceAccounts.id, auditLog.serviceAccountId))
    .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
    // Only the organisation's own cases are visible (row-level security): another's case shows its id alone.
    .leftJoin(cases, eq(cases.id, auditLog.caseId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);

  const [caseRow] = filters.caseId
    ? await ctx.tx
        .select({ id: cases.id, reference: cases.reference })
        .from(cases)
        .where(eq(cases.id, filters.caseId))
        .limit(1)
    : [];
  const [userRow] = filters.userId
    ? await ctx.tx
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, filters.userId))
        .limit(1)
    : [];
  const organisationOptions = await ctx.tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .orderBy(asc(organisations.name));

  const { limit: _limit, ...described } = filters;
  await auditSearchUse(ctx, { objectType: "audit_log", objectId: describeFilters(described), caseId: filters.caseId });

  return {
    items: page.map((row) => ({
      id: String(row.id),
      occurredAt: row.occurredAt,
      user: row.userId ? { id: row.userId, name: row.userName, email: row.userEmail } : null,
      serviceAccount: row.serviceAccountId ? { id: row.serviceAccountId, name: row.serviceAccountName } : null,
      role: row.role,
      organisation: row.organisationId ? { id: row.organisationId, name: row.organisationName } : null,
      onBehalfOf: row.onBehalfOf,
      purpose: row.purpose,
      action: row.action,
      objectType: row.objectType,
      objectId: row.objectId,
      case: row.caseId ? { id: row.caseId, reference: row.caseReference } : null,
      outcome: row.outcome,
      requestId: row.requestId,
      clientAddress: row.clientAddress,
    })),
    nextCursor: rows.length > filters.limit && last ? String(last.id) : null,
    filters: {
      case: filters.caseId ? { id: filters.caseId, reference: caseRow?.reference ?? null } : null,
      user: filters.userId ? { id: filters.userId, name: userRow?.name ?? null, email: userRow?.email ?? null } : null,
    },
    options: { organisations: organisationOptions, purposes: [...AUDIT_PURPOSES] },
  };
}

/**
 * What a beheerder typed, as the ids the search takes: a case reference of their organisation, a person's e-mail
 * address. Unknown ones are refused per field in Dutch. On record as a `beheer` read, with the ids found only.
 */
export async function resolveAuditFilters(options: {
  ctx: UserContext;
  input: z.infer<typeof ZResolveAuditFiltersRequest>;
}): Promise<z.infer<typeof ZResolveAuditFiltersResponse>> {
  const { ctx, input } = options;
  requireFunctionalAdmin(ctx);
  const [caseRow] = input.caseReference
    ? await ctx.tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.organisationId, ctx.principal.organisation.id), eq(cases.reference, input.caseReference)))
        .limit(1)
    : [];
  const [userRow] = input.userEmail
    ? await ctx.tx.select({ id: users.id }).from(users).where(eq(users.email, input.userEmail)).limit(1)
    : [];
  const fieldErrors: Record<string, string[]> = {};
  if (input.caseReference && !caseRow) fieldErrors.caseReference = ["Er is geen casus met dit kenmerk."];
  if (input.userEmail && !userRow) fieldErrors.userEmail = ["Er is geen gebruiker met dit e-mailadres."];
  if (Object.keys(fieldErrors).length > 0) {
    throw new DomainRefusal("BAD_REQUEST", "Niet alles wat u zocht is gevonden.", { fieldErrors });
  }
  const found = { caseId: caseRow?.id ?? null, userId: userRow?.id ?? null };
  const described = [found.caseId && `case=${found.caseId}`, found.userId && `user=${found.userId}`].filter(Boolean);
  await auditSearchUse(ctx, {
    objectType: "audit_log.filters",
    objectId: described.length > 0 ? described.join(" ") : null,
    caseId: found.caseId,
  });
  return found;
}
