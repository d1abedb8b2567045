import type { Sql } from "postgres";
import { ZIPF_BUCKETS } from "./directory";
import { nationalShape as shape } from "./shape";

type Status = (typeof shape.statusMix)[number][0];

/** Versions after each status's path: create, offer, then the partner's steps (one history row per version). */
const steps: Record<Status, string[]> = {
  draft: ["create"],
  offered: ["create", "offer"],
  accepted: ["create", "offer", "accept"],
  started: ["create", "offer", "accept", "start"],
  completed: ["create", "offer", "accept", "start", "complete"],
  declined: ["create", "offer", "decline"],
  withdrawn: ["create", "offer", "withdraw"],
  returned: ["create", "offer", "accept", "return"],
};
const statusAfter: Record<string, Status> = {
  create: "draft",
  offer: "offered",
  accept: "accepted",
  start: "started",
  complete: "completed",
  decline: "declined",
  withdraw: "withdrawn",
  return: "returned",
};
const eventOf: Record<string, string> = {
  offer: "offered",
  accept: "accepted",
  start: "started",
  complete: "completed",
  decline: "declined",
  withdraw: "withdrawn",
  return: "returned",
};
/** When each step happened, relative to the handover's creation t0. */
const stepAt: Record<string, string> = {
  create: "p.t0",
  offer: "p.t0 + interval '1 day'",
  accept: "p.t0 + interval '3 days'",
  start: "p.t0 + interval '8 days'",
  complete: "p.t0 + interval '60 days'",
  decline: "p.t0 + interval '2 days'",
  withdraw: "p.t0 + interval '2 days'",
  return: "p.t0 + interval '20 days'",
};
/** How long ago a handover in each status was created: open ones recently, closed ones over almost three years. */
const ageOf: Record<Status, string> = {
  draft: "interval '10 days' * r.u4",
  offered: "interval '2 days' + interval '6 days' * r.u4",
  accepted: "interval '3 days' + interval '10 days' * r.u4",
  started: "interval '8 days' + interval '90 days' * r.u4",
  completed: "interval '60 days' + interval '1000 days' * r.u4",
  declined: "interval '2 days' + interval '1000 days' * r.u4",
  withdrawn: "interval '2 days' + interval '1000 days' * r.u4",
  returned: "interval '20 days' + interval '1000 days' * r.u4",
};

const stepRows = Object.entries(steps).flatMap(([status, path]) =>
  path.map((action, index) => {
    const from = index === 0 ? "null" : `'${statusAfter[path[index - 1] ?? "create"]}'`;
    const vt = action === "create" || action === "offer" || action === "withdraw";
    return `('${status}', ${index + 1}, '${action}', ${from}, '${statusAfter[action]}', ${vt})`;
  }),
);

function statusCase(): string {
  let cumulative = 0;
  const whens = shape.statusMix.map(([status, share]) => {
    cumulative += share;
    return `when r.u2 < ${cumulative.toFixed(6)} then '${status}'`;
  });
  return `(case ${whens.join(" ")} else 'completed' end)::handover_status`;
}

function ageCase(): string {
  return `(case st.status ${Object.entries(ageOf)
    .map(([status, age]) => `when '${status}' then ${age}`)
    .join(" ")} end)`;
}

export type HandoverBatch = {
  /** Number of handovers. */
  count: number;
  /** Every handover in this status (an accept pool) instead of the national mix. */
  status?: "offered";
  /** Recorded in bench.plan_log for pools; null for the stock. */
  pool?: string;
  /** false: cases, handovers and history only (the query-plan guards need no events or audit rows). */
  withEvents?: boolean;
  log?: (line: string) => void;
};

export type GeneratedRows = Record<"cases" | "handovers" | "handover_history" | "outbox" | "audit_log", number>;

/**
 * Handovers with their case, history (one row per transition), published outbox events and audit rows, as the
 * transition service writes them, in a handful of set-based statements. Run on a connection with
 * `session_replication_role = replica`: the rows are built consistent, so the per-row foreign-key triggers are
 * skipped (the smoke test checks the references).
 */
export async function generateHandovers(sql: Sql, batch: HandoverBatch): Promise<GeneratedRows> {
  const t = performance.now();
  const lap = (what: string) => batch.log?.(`  ${what}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const [offset] = await sql<{ n: string }[]>`select coalesce(max(i), 0) as n from bench.plan_log`;
  const from = Number(offset?.n ?? 0) + 1;
  const to = from + batch.count - 1;
  const webhookColumn = await hasWebhookColumn(sql);
  const status = batch.status ? `'${batch.status}'::handover_status` : statusCase();
  const age = batch.status ? "interval '1 day' + interval '2 days' * r.u4" : ageCase();

  await sql.unsafe(`drop table if exists bench.plan`);
  await sql.unsafe(`create unlogged table bench.plan as
    select i, gen_random_uuid() as handover_id, gen_random_uuid() as case_id, z.rank, st.status,
           case when z.rank + ${shape.gemeenten} <= ${shape.partnerTeams} and r.u3 < 0.5
                then z.rank + ${shape.gemeenten} else z.rank end as team_n,
           now() - ${age} as t0
    from generate_series(${from}::bigint, ${to}::bigint) i
    cross join lateral (select random() as u1, random() as u2, random() as u3, random() as u4, i as keep) r
    join bench.zipf z on z.bucket = 1 + least(floor(r.u1 * ${ZIPF_BUCKETS})::int, ${ZIPF_BUCKETS - 1})
    cross join lateral (select ${status} as status) st`);
  await sql.unsafe(`analyze bench.plan`);
  await sql.unsafe(
    `insert into bench.plan_log (i, handover_id, pool) select i, handover_id, ${batch.pool ? `'${batch.pool}'` : "null"} from bench.plan`,
  );
  // Who is who for each handover: its gemeente's VT organisation and region, the offering VT worker, the team.
  await sql.unsafe(`drop table if exists bench.cast`);
  await sql.unsafe(`create unlogged table bench.cast as
    select p.i, p.handover_id, p.case_id, p.status, p.t0, g.code, g.region_id, v.id as vt_id, v.oin as vt_oin,
           ou.id as offering_user_id, rc.id as contact_user_id, t.id as team_id, t.org_id as target_org_id,
           t.kind as target_kind, pw.id as partner_user_id
    from bench.plan p
    join bench.gemeenten g on g.rank = p.rank
    join bench.vt_orgs v on v.n = g.vt_n
    join bench.users ou on ou.role = 'vt_worker' and ou.vt_n = g.vt_n and ou.slot = 1 + (p.i % ${shape.vtWorkersPerVt})
    join bench.users rc on rc.role = 'team_coordinator' and rc.region_n = g.region_n
    join bench.teams t on t.n = p.team_n
    join bench.users pw on pw.role = 'partner_worker' and pw.team_n = p.team_n
                        and pw.slot = 1 + (p.i % ${shape.workersPerPartnerTeam})`);
  await sql.unsafe(`analyze bench.cast`);
  lap("plan");

  const rows: GeneratedRows = { cases: 0, handovers: 0, handover_history: 0, outbox: 0, audit_log: 0 };
  rows.cases = (
    await sql.unsafe(`insert into cases (id, organisation_id, reference, municipality_code, priority, reported_at,
        safety_assessment_due_on, safety_assessment_completed_at, conclusion, created_by_user_id, created_at, updated_at)
      select c.case_id, c.vt_id, 'BENCH-' || c.i, c.code,
             (case when c.i % 50 = 1 then 'acute' when c.i % 10 = 0 then 'high' else 'normal' end)::case_priority,
             c.t0 - interval '5 days', (c.t0 - interval '1 day')::date, c.t0 - interval '1 day',
             'Gegenereerde conclusie van het veiligheidsonderzoek.', c.offering_user_id, c.t0 - interval '5 days', c.t0
      from bench.cast c`)
  ).count;
  lap("cases");

  const at = (step: string) => (stepAt[step] ?? "p.t0").replaceAll("p.", "c.");
  const versionCase = `(case c.status ${Object.entries(steps)
    .map(([status, path]) => `when '${status}' then ${path.length}`)
    .join(" ")} end)`;
  const closedCase = `(case c.status when 'completed' then ${at("complete")} when 'declined' then ${at("decline")}
      when 'withdrawn' then ${at("withdraw")} when 'returned' then ${at("return")} end)`;
  const lastStepCase = `(case c.status when 'draft' then c.t0 when 'offered' then ${at("offer")}
      when 'accepted' then ${at("accept")} when 'started' then ${at("start")} else ${closedCase} end)`;
  const accepted = `c.status in ('accepted', 'started', 'completed', 'returned')`;
  rows.handovers = (
    await sql.unsafe(`insert into handovers (id, case_id, organisation_id, offering_user_id, target_organisation_id,
        target_team_id, assigned_user_id, municipality_code, region_id, status, version, concerns, safety_conditions,
        household_view, vt_contact_user_id, vt_joins_first_visit, offered_at, acceptance_due_on, accepted_at,
        first_contact_due_on, first_contact_on, closed_at, decline_reason_code, decline_reason_text,
        return_reason_text, outcome_code, outcome_referred_to, created_at, updated_at)
      select c.handover_id, c.case_id, c.vt_id, c.offering_user_id, c.target_org_id, c.team_id,
             case when ${accepted} then c.partner_user_id end, c.code, c.region_id, c.status, ${versionCase},
             'Zorgen over de veiligheid in het gezin (gegenereerd).', 'Afspraken over veiligheid (gegenereerd).',
             'Het gezin wil hulp (gegenereerd).', c.contact_user_id, c.i % 2 = 0,
             case when c.status <> 'draft' then ${at("offer")} end,
             case when c.status <> 'draft' then (${at("offer")} + interval '3 days')::date end,
             case when ${accepted} then ${at("accept")} end,
             case when ${accepted} then (${at("accept")} + interval '14 days')::date end,
             case when c.status in ('started', 'completed') then (${at("start")})::date end,
             ${closedCase},
             case when c.status = 'declined' then 'no_capacity' end, null,
             case when c.status = 'returned' then 'De veiligheid is in het geding (gegenereerd).' end,
             case when c.status = 'completed' then 'help_started' end, null,
             c.t0, ${lastStepCase}
      from bench.cast c`)
  ).count;
  lap("handovers");

  // One row per step of each handover's path.
  await sql.unsafe(`drop table if exists bench.steps`);
  await sql.unsafe(`create unlogged table bench.steps (status handover_status, version int, action text,
      from_status handover_status, to_status handover_status, by_vt boolean)`);
  await sql.unsafe(`insert into bench.steps values ${stepRows.join(", ")}`);
  await sql.unsafe(`analyze bench.steps`);
  const stepTime = `(case s.action ${Object.keys(stepAt)
    .map((step) => `when '${step}' then ${at(step)}`)
    .join(" ")} end)`;
  const stepsJoin = `from bench.cast c join bench.steps s on s.status = c.status`;

  const events = batch.withEvents !== false;
  const nothing = Promise.resolve({ count: 0 });
  const [history, outbox, audit] = await Promise.all([
    sql.unsafe(`insert into handover_history (handover_id, at, action, from_status, to_status, actor_user_id,
        actor_organisation_id, reason, version)
      select c.handover_id, ${stepTime}, s.action, s.from_status, s.to_status,
             case when s.by_vt then c.offering_user_id else c.partner_user_id end,
             case when s.by_vt then c.vt_id else c.target_org_id end,
             case when s.action = 'return' then 'De veiligheid is in het geding (gegenereerd).' end, s.version
      ${stepsJoin}`),
    !events
      ? nothing
      : sql.unsafe(`insert into outbox (aggregate_type, aggregate_id, event_type, sequence, source, topic, payload,
        created_at, published_at, attempts${webhookColumn ? ", webhooks_fanned_out_at" : ""})
      select 'handover', c.handover_id, 'nl.ketenportaal.handover.' || (${eventCase()}) || '.v1', s.version,
             'urn:nld:oin:' || c.vt_oin || ':systeem:ketenportaal',
             'ketenportaal.handovers.' || replace(replace(c.target_kind::text, '_', '-'), 'local-team', 'local-teams'),
             jsonb_build_object('handoverId', c.handover_id, 'caseId', c.case_id, 'status', s.to_status,
               'version', s.version, 'organisationId', c.vt_id, 'targetOrganisationId', c.target_org_id,
               'targetTeamId', c.team_id, 'municipalityCode', c.code, 'regionId', c.region_id,
               'acceptanceDueOn', to_char(${at("offer")} + interval '3 days', 'YYYY-MM-DD'),
               'firstContactDueOn', case when s.version >= 3 and s.to_status not in ('declined', 'withdrawn')
                 then to_char(${at("accept")} + interval '14 days', 'YYYY-MM-DD') end,
               'occurredAt', to_char(${stepTime} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
             ${stepTime}, ${stepTime} + interval '40 milliseconds', 1
             ${webhookColumn ? `, ${stepTime} + interval '40 milliseconds'` : ""}
      ${stepsJoin} where s.action <> 'create'`),
    !events
      ? nothing
      : sql.unsafe(`insert into audit_log (occurred_at, user_id, role, organisation_id, purpose, action, object_type,
        object_id, case_id, outcome, request_id)
      select ${stepTime}, case when s.by_vt then c.offering_user_id else c.partner_user_id end,
             case when s.by_vt then 'vt_worker' else 'partner_worker' end,
             case when s.by_vt then c.vt_id else c.target_org_id end, 'handover',
             (case when s.action = 'create' then 'create' else 'update' end)::audit_action,
             'handover.' || s.action, c.handover_id::text, c.case_id, 'success', 'bench-generated'
      ${stepsJoin}`),
  ]);
  lap("history, outbox, audit");
  rows.handover_history = history.count;
  rows.outbox = outbox.count;
  rows.audit_log = audit.count;
  return rows;
}

function eventCase(): string {
  return `case s.action ${Object.entries(eventOf)
    .map(([step, event]) => `when '${step}' then '${event}'`)
    .join(" ")} end`;
}

/** outbox.webhooks_fanned_out_at came with migration 0008: set it where it exists, or the fan-out would redo history. */
async function hasWebhookColumn(sql: Sql): Promise<boolean> {
  const rows = await sql`select 1 from information_schema.columns
    where table_schema = 'public' and table_name = 'outbox' and column_name = 'webhooks_fanned_out_at'`;
  return rows.length > 0;
}
