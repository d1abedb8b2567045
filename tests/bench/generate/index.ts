import postgres, { type Sql } from "postgres";
import { generateDirectory } from "./directory";
import { type GeneratedRows, generateHandovers } from "./handovers";

export { type BenchSize, benchServiceAccountToken, benchSessionToken, benchSizes, nationalShape } from "./shape";

const BULK_TABLES = ["cases", "handovers", "handover_history", "outbox", "audit_log"] as const;
/** Handovers per round: bounds the size of the plan tables and gives a progress line per round. */
const CHUNK = 500_000;

export type GenerationReport = {
  handovers: number;
  rows: Record<string, number>;
  totalRows: number;
  seconds: number;
  rowsPerSecond: number;
};

/**
 * A connection for generating: superuser, so row-level security and the per-row foreign-key triggers
 * (`session_replication_role = replica`) stay out of the way, and commits do not wait for the disk.
 */
export function generatorConnection(url: string): Sql {
  return postgres(url, {
    max: 3,
    onnotice: () => {},
    connection: {
      application_name: "ketenportaal-bench-generator",
      session_replication_role: "replica",
      synchronous_commit: "off",
      maintenance_work_mem: "256MB",
      work_mem: "64MB",
    },
  });
}

/**
 * Fills a migrated, empty database with the national shape (see shape.ts) and `handovers` handovers with their
 * cases, history, published outbox events and audit rows. Bulk tables' secondary indexes are dropped during the
 * load and rebuilt from their own definitions afterwards (faster than maintaining them row by row); then VACUUM
 * ANALYZE, so the planner sees the real sizes.
 */
export async function generateNationalData(options: {
  url: string;
  handovers: number;
  /** false: no outbox or audit rows (faster, for tests that only plan queries). */
  withEvents?: boolean;
  log?: (line: string) => void;
}): Promise<GenerationReport> {
  const log = options.log ?? (() => {});
  const sql = generatorConnection(options.url);
  const started = performance.now();
  try {
    const rows: Record<string, number> = { directory: await generateDirectory(sql) };
    log(`directory done (${elapsed(started)} s)`);
    const indexes = await sql<{ indexdef: string; indexname: string }[]>`
      select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = 'public' and i.tablename in ${sql(BULK_TABLES)}
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
    for (const index of indexes) await sql.unsafe(`drop index "${index.indexname}"`);
    for (let done = 0; done < options.handovers; done += CHUNK) {
      const count = Math.min(CHUNK, options.handovers - done);
      const batch = await generateHandovers(sql, { count, log, withEvents: options.withEvents ?? true });
      addRows(rows, batch);
      log(`generated ${done + count} of ${options.handovers} handovers (${elapsed(started)} s)`);
    }
    const indexStarted = performance.now();
    await Promise.all(indexes.map((index) => sql.unsafe(index.indexdef)));
    log(`rebuilt ${indexes.length} indexes in ${elapsed(indexStarted)} s`);
    await sql.unsafe(`drop table if exists bench.plan, bench.cast`);
    await sql.unsafe(`vacuum (analyze) ${BULK_TABLES.join(", ")}`);
    await sql.unsafe(`analyze`);
    log(`vacuum and analyze done (${elapsed(started)} s)`);
    const seconds = (performance.now() - started) / 1000;
    const totalRows = Object.values(rows).reduce((sum, n) => sum + n, 0);
    return { handovers: options.handovers, rows, totalRows, seconds, rowsPerSecond: totalRows / seconds };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Extra handovers, all offered, for the transition benchmarks to accept (one each: an accept needs an offered
 * handover). Recorded in `bench.plan_log` under `pool`, with indexes maintained as in production.
 */
export async function generateOfferedPool(options: { url: string; pool: string; count: number }): Promise<void> {
  const sql = generatorConnection(options.url);
  try {
    await generateHandovers(sql, { count: options.count, status: "offered", pool: options.pool });
    await sql.unsafe(`drop table if exists bench.plan, bench.cast`);
    await sql.unsafe(`analyze handovers, cases, handover_history, outbox, audit_log`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function addRows(rows: Record<string, number>, batch: GeneratedRows) {
  for (const [table, n] of Object.entries(batch)) rows[table] = (rows[table] ?? 0) + n;
}

function elapsed(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

/**
 * The references the skipped foreign-key triggers would have checked, and what row-level security needs (a
 * handover's team belongs to its target organisation, its gemeente to its region): the broken ones and how many.
 */
export async function findBrokenReferences(url: string): Promise<Record<string, number>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const checks: Record<string, string> = {
    "handovers.case_id":
      "select count(*) from handovers h where not exists (select 1 from cases c where c.id = h.case_id and c.organisation_id = h.organisation_id)",
    "handovers.target_team_id":
      "select count(*) from handovers h where not exists (select 1 from teams t where t.id = h.target_team_id and t.organisation_id = h.target_organisation_id)",
    "handovers.region_id":
      "select count(*) from handovers h where not exists (select 1 from municipalities m where m.code = h.municipality_code and m.region_id = h.region_id)",
    "handovers.users":
      "select count(*) from handovers h where not exists (select 1 from users u where u.id = h.offering_user_id) or (h.assigned_user_id is not null and not exists (select 1 from users u where u.id = h.assigned_user_id))",
    "handover_history.handover_id":
      "select count(*) from handover_history x where not exists (select 1 from handovers h where h.id = x.handover_id)",
    "handover_history.version":
      "select count(*) from handovers h where h.version <> (select max(x.version) from handover_history x where x.handover_id = h.id)",
    "outbox.aggregate_id":
      "select count(*) from outbox o where not exists (select 1 from handovers h where h.id = o.aggregate_id)",
    "cases.municipality_code":
      "select count(*) from cases c where not exists (select 1 from municipalities m where m.code = c.municipality_code)",
  };
  try {
    const broken: Record<string, number> = {};
    for (const [name, query] of Object.entries(checks)) {
      const [row] = await sql.unsafe<{ count: string }[]>(query);
      if (Number(row?.count) > 0) broken[name] = Number(row?.count);
    }
    return broken;
  } finally {
    await sql.end();
  }
}
