import { executeRows, type Queryable } from "@ketenportaal/db";
import type { RetentionFacts } from "@ketenportaal/domain";
import { and, type SQL, sql } from "drizzle-orm";

/** One file with what the retention rule and the anonymous figures need; nothing about the people in it. */
export type FileRetentionFacts = {
  caseId: string;
  organisationId: string;
  reference: string;
  municipalityCode: string;
  reportedAt: Date;
  facts: RetentionFacts;
  /** How the chain work on the file ended, for the figures. */
  outcome: "handover_completed" | "vv_closed" | "other";
  handovers: number;
  trajectories: number;
};

type Row = {
  case_id: string;
  organisation_id: string;
  reference: string;
  municipality_code: string;
  reported_at: Date | string;
  last_activity_at: Date | string;
  in_progress: boolean;
  youngest_child_birth_year: number | null;
  handover_completed: boolean;
  vv_closed: boolean;
  handovers: number;
  trajectories: number;
};

/**
 * The facts per file, gathered from its parts in one query (decision 012): a file is in progress while a handover
 * is draft/offered/accepted/started, a V&V trajectory is open or an agenda item undecided; it closed at the latest
 * change of the case, its persons, handovers, trajectories and agenda items. Runs in the caller's transaction, so
 * row-level security decides which files a request sees.
 */
export async function loadRetentionFacts(
  tx: Queryable,
  filter: {
    caseIds?: readonly string[];
    organisationId?: string;
    /** Only files not in progress whose last change was before this moment (a necessary condition for expiry). */
    closedBefore?: Date;
    afterCaseId?: string;
    limit?: number;
  },
): Promise<FileRetentionFacts[]> {
  const conditions: SQL[] = [sql`true`];
  if (filter.caseIds) {
    if (filter.caseIds.length === 0) return [];
    conditions.push(
      sql`f.case_id in (${sql.join(
        filter.caseIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  }
  if (filter.organisationId) conditions.push(sql`f.organisation_id = ${filter.organisationId}::uuid`);
  if (filter.closedBefore) {
    conditions.push(sql`not f.in_progress and f.last_activity_at < ${filter.closedBefore.toISOString()}::timestamptz`);
  }
  if (filter.afterCaseId) conditions.push(sql`f.case_id > ${filter.afterCaseId}::uuid`);
  const limit = filter.limit ? sql`limit ${filter.limit}` : sql``;
  const rows = await executeRows<Row>(
    tx,
    sql`select * from (
      select c.id as case_id, c.organisation_id, c.reference, c.municipality_code, c.reported_at,
        greatest(c.created_at, c.updated_at,
          (select max(greatest(h.created_at, h.updated_at, h.closed_at)) from handovers h where h.case_id = c.id),
          (select max(greatest(v.opened_at, v.updated_at, v.closed_at)) from vv_trajectories v where v.case_id = c.id),
          (select max(greatest(i.added_at, i.decided_at)) from table_agenda_items i where i.case_id = c.id),
          (select max(p.created_at) from involved_persons p where p.case_id = c.id)) as last_activity_at,
        (exists (select 1 from handovers h where h.case_id = c.id
                   and h.status in ('draft', 'offered', 'accepted', 'started'))
          or exists (select 1 from vv_trajectories v where v.case_id = c.id and v.status = 'open')
          or exists (select 1 from table_agenda_items i where i.case_id = c.id and i.decision is null)) as in_progress,
        (select max(p.birth_year) from involved_persons p where p.case_id = c.id and p.role = 'child')
          as youngest_child_birth_year,
        exists (select 1 from handovers h where h.case_id = c.id and h.status = 'completed') as handover_completed,
        exists (select 1 from vv_trajectories v where v.case_id = c.id and v.status = 'closed') as vv_closed,
        (select count(*)::int from handovers h where h.case_id = c.id and h.offered_at is not null) as handovers,
        (select count(*)::int from vv_trajectories v where v.case_id = c.id) as trajectories
      from cases c
    ) f where ${and(...conditions)} order by f.case_id ${limit}`,
  );
  return rows.map((row) => ({
    caseId: row.case_id,
    organisationId: row.organisation_id,
    reference: row.reference,
    municipalityCode: row.municipality_code,
    reportedAt: new Date(row.reported_at),
    facts: {
      inProgress: row.in_progress,
      lastActivityAt: new Date(row.last_activity_at),
      youngestChildBirthYear: row.youngest_child_birth_year === null ? null : Number(row.youngest_child_birth_year),
    },
    outcome: row.handover_completed ? "handover_completed" : row.vv_closed ? "vv_closed" : "other",
    handovers: Number(row.handovers),
    trajectories: Number(row.trajectories),
  }));
}

/**
 * A moment safely before any closing moment whose retention could end by `horizon`: retention is at least
 * 20 years, and a day's margin covers the difference between instants and Amsterdam dates.
 */
export function latestClosingBefore({ horizon }: { horizon: Date }): Date {
  const moment = new Date(horizon);
  moment.setUTCFullYear(moment.getUTCFullYear() - 20);
  return new Date(moment.getTime() + 2 * 24 * 60 * 60 * 1000);
}
