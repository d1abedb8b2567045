import type { Database } from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { retentionOf, toAmsterdamDate } from "@ketenportaal/domain";
import { destroyCaseFile, lockCaseFile } from "./destroy-case-file";
import { latestClosingBefore, loadRetentionFacts } from "./retention-facts";

const BATCH = 200;

/**
 * One pass of the scheduled destruction at `now`: every VT file past its retention (domain `retentionOf`) is
 * destroyed in its own transaction as the worker role, after its facts were read again under a lock on the case —
 * a change in the meantime (a new handover) keeps it. Returns how many files went.
 */
export async function destroyExpiredFiles(options: { db: Database; now: Date }): Promise<{ destroyed: number }> {
  const today = toAmsterdamDate({ instant: options.now });
  const closedBefore = latestClosingBefore({ horizon: options.now });
  const requestId = `retention-${options.now.toISOString()}`;
  let destroyed = 0;
  let after: string | undefined;
  for (;;) {
    // The scan spans organisations: the worker role, like each destruction below.
    const candidates = await withSystemTask(options.db, { task: "retention", requestId }, (tx) =>
      loadRetentionFacts(tx, { closedBefore, limit: BATCH, ...(after ? { afterCaseId: after } : {}) }),
    );
    for (const candidate of candidates) {
      if (retentionOf({ facts: candidate.facts, today }).status !== "expired") continue;
      const done = await withSystemTask(options.db, { task: "retention", requestId }, async (tx) => {
        if (!(await lockCaseFile(tx, candidate.caseId))) return false;
        const [file] = await loadRetentionFacts(tx, { caseIds: [candidate.caseId] });
        if (!file || retentionOf({ facts: file.facts, today }).status !== "expired") return false;
        await destroyCaseFile({
          tx,
          file,
          reason: "retention_expired",
          audit: {
            userId: null,
            serviceAccountId: null,
            organisationId: file.organisationId,
            role: null,
            onBehalfOf: "system:retention",
            purpose: "bewaartermijn",
            requestId,
            clientAddress: null,
          },
        });
        return true;
      });
      if (done) destroyed++;
    }
    if (candidates.length < BATCH) break;
    after = candidates.at(-1)?.caseId;
  }
  return { destroyed };
}

/** The destruction as a bridge task: at most once per interval (default an hour), on the clock it is given. */
export function createRetentionTask(options: { clock?: () => Date; intervalMs?: number } = {}) {
  const clock = options.clock ?? (() => new Date());
  const intervalMs = options.intervalMs ?? 60 * 60 * 1000;
  let lastRun = Number.NEGATIVE_INFINITY;
  return {
    name: "retention",
    run: async ({ db }: { db: Database }) => {
      const now = clock();
      if (now.getTime() - lastRun < intervalMs) return;
      lastRun = now.getTime();
      await destroyExpiredFiles({ db, now });
    },
  };
}
