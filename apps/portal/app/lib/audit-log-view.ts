import type { Role } from "@ketenportaal/api";
import { nl } from "../messages/nl";
import type { AuditOutcome, AuditRow } from "./api-types";
import { formatDateTime } from "./format";

const m = nl.adminAuditLog;

/** One row of the audit-log table, formatted on the server (time in Europe/Amsterdam) so hydration matches. */
export type AuditLogRow = {
  id: string;
  occurredAt: string;
  who: string;
  role: string;
  organisation: string;
  purpose: string;
  action: string;
  objectType: string;
  object: string;
  caseReference: string;
  outcome: AuditOutcome;
  outcomeLabel: string;
};

function labelOf<T extends Record<string, string>>(labels: T, value: string): string {
  return Object.hasOwn(labels, value) ? (labels[value] as string) : value;
}

/** The object's id as it can be read: one id, a count for a list, the search's own filters as written. */
function objectOf(objectId: string | null): string {
  if (!objectId) return m.none;
  const parts = objectId.split(" ");
  if (parts.every((part) => /^[0-9a-f-]{36}$/i.test(part)) && parts.length > 1) return m.objectCount(parts.length);
  return objectId;
}

export function auditLogRowOf(row: AuditRow): AuditLogRow {
  const who = row.user
    ? (row.user.name ?? row.user.id)
    : row.serviceAccount
      ? m.serviceAccount(row.serviceAccount.name ?? row.serviceAccount.id)
      : m.nobody;
  const roles = (row.role ?? "").split(",").filter(Boolean);
  return {
    id: row.id,
    occurredAt: formatDateTime(row.occurredAt),
    who: row.onBehalfOf ? `${who} (${m.onBehalfOf(row.onBehalfOf)})` : who,
    role: roles.length > 0 ? roles.map((role) => labelOf(nl.roles, role as Role)).join(", ") : m.none,
    organisation: row.organisation ? (row.organisation.name ?? row.organisation.id) : m.none,
    purpose: labelOf(m.purposes, row.purpose),
    action: labelOf(m.actions, row.action),
    objectType: row.objectType,
    object: objectOf(row.objectId),
    caseReference: row.case ? (row.case.reference ?? row.case.id) : m.none,
    outcome: row.outcome,
    outcomeLabel: m.outcomes[row.outcome],
  };
}
