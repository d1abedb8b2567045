import { bigserial, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { auditAction, auditOutcome } from "./enums";

/**
 * NEN 7513-style access log. Append-only; ids are free text references so that a row outlives what it names.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    serviceAccountId: uuid("service_account_id"),
    role: text("role"),
    organisationId: uuid("organisation_id"),
    onBehalfOf: text("on_behalf_of"),
    purpose: text("purpose").notNull(),
    action: auditAction("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id"),
    caseId: uuid("case_id"),
    outcome: auditOutcome("outcome").notNull(),
    requestId: text("request_id"),
    clientAddress: text("client_address"),
  },
  (t) => [
    index("audit_log_occurred_idx").on(t.occurredAt),
    index("audit_log_user_idx").on(t.userId, t.occurredAt),
    index("audit_log_case_idx").on(t.caseId, t.occurredAt),
    // The beheerder's search (admin.audit.search) filters by organisation within a period.
    index("audit_log_organisation_idx").on(t.organisationId, t.occurredAt),
  ],
);
