import type { Sql } from "postgres";
import { nationalShape as shape } from "./shape";

/** Cumulative Zipf lookup: bucket b (1..BUCKETS) → gemeente rank, so a uniform random number picks a skewed rank. */
export const ZIPF_BUCKETS = 100_000;

function zipfBuckets(): number[] {
  const weights = Array.from({ length: shape.gemeenten }, (_, i) => (i + 1) ** -shape.zipfExponent);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const buckets: number[] = [];
  let cumulative = 0;
  let rank = 1;
  for (let b = 0; b < ZIPF_BUCKETS; b++) {
    const point = (b + 0.5) / ZIPF_BUCKETS;
    while (rank < shape.gemeenten && cumulative + (weights[rank - 1] ?? 0) / total < point) {
      cumulative += (weights[rank - 1] ?? 0) / total;
      rank++;
    }
    buckets.push(rank);
  }
  return buckets;
}

/**
 * The chain's directory: 25 VT organisations with three regions each, 342 gemeenten, 200 partner organisations with
 * 400 teams, their people and memberships, one partner-system account per organisation and a session per person
 * (tokens derived from ids, see shape.ts). Lookup tables in the `bench` schema (not granted to any application role)
 * let the handover generator and the benchmarks find them by number.
 */
export async function generateDirectory(sql: Sql): Promise<number> {
  const s = shape;
  const statements = [
    `create schema bench`,
    `create table bench.zipf (bucket int primary key, rank int not null)`,
    `create unlogged table bench.plan_log (i bigint primary key, handover_id uuid not null, pool text)`,
    `create table bench.vt_orgs as
       select n, gen_random_uuid() as id, 'vt-' || lpad(n::text, 2, '0') as slug,
              lpad((99999990000 + n)::text, 20, '0') as oin
       from generate_series(1, ${s.vtOrganisations}) n`,
    `insert into organisations (id, slug, name, kind, oin)
       select id, slug, 'Veilig Thuis Regio ' || n, 'vt', oin from bench.vt_orgs`,
    `create table bench.regions as
       select (v.n - 1) * ${s.regionsPerVt} + r as n, v.n as vt_n, r, gen_random_uuid() as id
       from bench.vt_orgs v, generate_series(1, ${s.regionsPerVt}) r`,
    `insert into regions (id, slug, name, acceptance_deadline_days, first_contact_deadline_days)
       select id, 'regio-' || n, 'VT-regio ' || n, 3, 10 from bench.regions`,
    // Rank 1 is the biggest gemeente; every VT organisation gets some big and many small ones.
    `create table bench.gemeenten as
       select k as rank, 'GM' || lpad(k::text, 4, '0') as code, ((k - 1) % ${s.vtOrganisations}) + 1 as vt_n,
              reg.id as region_id, reg.n as region_n
       from generate_series(1, ${s.gemeenten}) k
       join bench.regions reg on reg.vt_n = ((k - 1) % ${s.vtOrganisations}) + 1
                              and reg.r = ((k - 1) / ${s.vtOrganisations}) % ${s.regionsPerVt} + 1`,
    `insert into municipalities (code, name, region_id) select code, 'Gemeente ' || rank, region_id from bench.gemeenten`,
    `create table bench.partner_orgs as
       select n, gen_random_uuid() as id,
              (case when n % 20 < 12 then 'local_team' when n % 20 < 17 then 'cjg' else 'youth_protection' end)::organisation_kind as kind
       from generate_series(1, ${s.partnerOrganisations}) n`,
    `insert into organisations (id, slug, name, kind, oin)
       select id, 'partner-' || n, 'Partnerorganisatie ' || n, kind, lpad((88888880000 + n)::text, 20, '0')
       from bench.partner_orgs`,
    `create table bench.teams as
       select t as n, gen_random_uuid() as id, p.n as org_n, p.id as org_id, p.kind, ((t - 1) % ${s.gemeenten}) + 1 as gemeente_rank
       from generate_series(1, ${s.partnerTeams}) t
       join bench.partner_orgs p on p.n = ((t - 1) % ${s.partnerOrganisations}) + 1`,
    `insert into teams (id, organisation_id, name, notification_email)
       select id, org_id, 'Team ' || n, 'team-' || n || '@partner.bench.example' from bench.teams`,
    `insert into team_municipalities (team_id, municipality_code)
       select t.id, g.code from bench.teams t join bench.gemeenten g on g.rank = t.gemeente_rank`,
    // People: per VT organisation one teamcoördinator per region and its medewerkers; per partner team its
    // medewerkers, per partner organisation a coördinator.
    `create table bench.users (
       n serial primary key, id uuid not null default gen_random_uuid(), role role not null,
       org_id uuid not null, team_id uuid, team_n int, vt_n int, region_n int, slot int not null)`,
    `insert into bench.users (role, org_id, vt_n, region_n, slot)
       select 'team_coordinator', v.id, v.n, r.n, r.r from bench.vt_orgs v join bench.regions r on r.vt_n = v.n`,
    `insert into bench.users (role, org_id, vt_n, slot)
       select 'vt_worker', v.id, v.n, w from bench.vt_orgs v, generate_series(1, ${s.vtWorkersPerVt}) w`,
    `insert into bench.users (role, org_id, team_id, team_n, slot)
       select 'partner_worker', t.org_id, t.id, t.n, w from bench.teams t, generate_series(1, ${s.workersPerPartnerTeam}) w`,
    `insert into bench.users (role, org_id, slot) select 'partner_coordinator', id, 1 from bench.partner_orgs`,
    `insert into users (id, email, name, password_hash)
       select id, replace(role::text, '_', '-') || '-' || n || '@bench.example', 'Medewerker ' || n, null from bench.users`,
    `insert into memberships (user_id, organisation_id, team_id, role) select id, org_id, team_id, role from bench.users`,
    `update regions r set contact_user_id = u.id
       from bench.regions br join bench.users u on u.role = 'team_coordinator' and u.region_n = br.n
       where r.id = br.id`,
    `insert into sessions (token_hash, user_id, expires_at, last_seen_at, method)
       select encode(sha256(convert_to('bench_session_' || replace(id::text, '-', ''), 'UTF8')), 'hex'), id,
              now() + interval '12 hours', now(), 'password'
       from bench.users`,
    `insert into service_accounts (organisation_id, name, token_hash)
       select id, 'Bench-koppeling', encode(sha256(convert_to('bench_sa_' || replace(id::text, '-', ''), 'UTF8')), 'hex')
       from organisations`,
  ];
  return sql.begin(async (tx) => {
    for (const statement of statements) await tx.unsafe(statement);
    const buckets = zipfBuckets();
    await tx`insert into bench.zipf (bucket, rank)
             select b::int, r from unnest(${buckets}::int[]) with ordinality as z(r, b)`;
    // Small lookup tables, but unanalysed the planner takes them for empty and nests loops over them.
    for (const table of ["zipf", "vt_orgs", "regions", "gemeenten", "partner_orgs", "teams", "users"]) {
      await tx.unsafe(`analyze bench.${table}`);
    }
    const [row] = await tx<{ n: number }[]>`select
      (select count(*) from organisations) + (select count(*) from regions) + (select count(*) from municipalities)
      + (select count(*) from teams) + (select count(*) from team_municipalities) + (select count(*) from users)
      + (select count(*) from memberships) + (select count(*) from sessions) + (select count(*) from service_accounts)
      as n`;
    return Number(row?.n ?? 0);
  });
}
