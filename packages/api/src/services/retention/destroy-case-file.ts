import { cases, type Queryable, retentionFigures } from "@ketenportaal/db";
import { toAmsterdamDate } from "@ketenportaal/domain";
import { eq, sql } from "drizzle-orm";
import { type AuditEntry, writeAudit } from "../audit/write-audit";
import type { FileRetentionFacts } from "./retention-facts";

export type DestructionReason = "retention_expired" | "request";

/**
 * Destroys one file in the caller's transaction (decision 012): adds it to the anonymous figures, deletes the case
 * and everything about it through `kp_destroy_case` (the only holder of DELETE, migration 0010) and writes the
 * audit row (action `delete`, object the case). The audit log and the outbox keep their ids; no event is sent —
 * DESIGN.md has no topic for it. The caller has decided that the file may go (domain `retentionOf` or
 * `decideDestructionRequest`) on facts read after `lockCaseFile`.
 */
export async function destroyCaseFile(options: {
  tx: Queryable;
  file: FileRetentionFacts;
  reason: DestructionReason;
  audit: Pick<
    AuditEntry,
    "userId" | "serviceAccountId" | "organisationId" | "role" | "onBehalfOf" | "purpose" | "requestId" | "clientAddress"
  >;
}): Promise<void> {
  const { tx, file } = options;
  const year = Number(toAmsterdamDate({ instant: file.reportedAt }).slice(0, 4));
  await tx
    .insert(retentionFigures)
    .values({
      organisationId: file.organisationId,
      municipalityCode: file.municipalityCode,
      year,
      outcome: file.outcome,
      reason: options.reason,
      files: 1,
      handovers: file.handovers,
      trajectories: file.trajectories,
    })
    .onConflictDoUpdate({
      target: [
        retentionFigures.organisationId,
        retentionFigures.municipalityCode,
        retentionFigures.year,
        retentionFigures.outcome,
        retentionFigures.reason,
      ],
      set: {
        files: sql`${retentionFigures.files} + 1`,
        handovers: sql`${retentionFigures.handovers} + ${file.handovers}`,
        trajectories: sql`${retentionFigures.trajectories} + ${file.trajectories}`,
      },
    });
  await tx.execute(sql`select kp_destroy_case(${file.caseId}::uuid)`);
  await writeAudit(tx, {
    ...options.audit,
    action: "delete",
    objectType: "case",
    objectId: file.caseId,
    caseId: file.caseId,
    outcome: "success",
  });
}

/** Locks the case row so no change to it runs between reading its facts and destroying it. False: it is gone. */
export async function lockCaseFile(tx: Queryable, caseId: string): Promise<boolean> {
  const rows = await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for("update");
  return rows.length > 0;
}
