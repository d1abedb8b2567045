import { auditLog, type Queryable } from "@ketenportaal/db";

export type AuditEntry = typeof auditLog.$inferInsert;

/** Appends one row to the NEN 7513 audit log, inside the caller's transaction. */
export async function writeAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}
