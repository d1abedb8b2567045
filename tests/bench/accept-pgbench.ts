import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Sql } from "postgres";
import { getChildBaseEnv } from "../support/env";

/** E-mail of about the size the accept notice renders to (text and HTML), so the mail_outbox row weighs the same. */
const MAIL_TEXT = "Uw aanbod is geaccepteerd. ".repeat(20);
const MAIL_HTML = `<html><body><p>${"Uw aanbod is geaccepteerd. ".repeat(20)}</p></body></html>`.repeat(3);

/**
 * What `handover.accept` does in its transaction (services/handover/run-handover-command.ts, called by a partner
 * system), statement by statement, as a pgbench script: the request's role and settings (withRequest), loading the
 * handover with case, organisations, team and region, the version-guarded update, the history row, the audit row,
 * the outbox event with its payload and NOTIFY, the notice for the offering VT worker and its e-mail. Not included:
 * what happens before the transaction (the service-account lookup in its own transaction) — that is the app's part.
 * pgbench replaces `:name` even inside string literals, hence the colons of the event source made with chr(58).
 */
export const ACCEPT_SCRIPT = `
SELECT p.hid AS hid, p.oid AS oid, p.sid AS sid FROM bench.pgbench_pool p WHERE p.n = (SELECT nextval('bench.pgbench_seq')) \\gset
BEGIN;
SELECT set_config('role', 'ketenportaal_app', true), set_config('app.user_id', '', true), set_config('app.organisation_id', :oid::text, true), set_config('app.service_account_id', :sid::text, true), set_config('app.request_id', 'pgbench', true), set_config('app.system_task', '', true);
SELECT h.version AS ver, h.case_id AS cid, h.offering_user_id AS ouid, h.organisation_id AS vtid, h.target_team_id AS tid, h.municipality_code AS gm, h.region_id AS rid, h.acceptance_due_on AS adue, h.status AS st0, h.concerns AS x1, h.safety_conditions AS x2, h.household_view AS x3, h.offered_at AS x4, h.created_at AS x5, h.updated_at AS x6, c.reference AS cref, c.safety_assessment_completed_at AS x7, c.conclusion AS x8, o.name AS oname, o.oin AS oin, t.name AS tname, t.kind AS tkind, tm.name AS tmname, tm.notification_email AS tmail, r.name AS rname, r.acceptance_deadline_days AS x9, r.first_contact_deadline_days AS fdays FROM handovers h JOIN cases c ON c.id = h.case_id JOIN organisations o ON o.id = h.organisation_id JOIN organisations t ON t.id = h.target_organisation_id JOIN teams tm ON tm.id = h.target_team_id JOIN regions r ON r.id = h.region_id WHERE h.id = :hid LIMIT 1 \\gset
\\set nver :ver + 1
UPDATE handovers SET status = 'accepted', accepted_at = now(), first_contact_due_on = current_date + 14, version = version + 1, updated_at = now() WHERE id = :hid AND version = :ver RETURNING *;
INSERT INTO handover_history (handover_id, at, action, from_status, to_status, reason, version, actor_user_id, actor_service_account_id, actor_organisation_id) VALUES (:hid, now(), 'accept', 'offered', 'accepted', NULL, :nver, NULL, :sid, :oid);
INSERT INTO audit_log (occurred_at, user_id, service_account_id, organisation_id, role, on_behalf_of, purpose, action, object_type, object_id, case_id, outcome, request_id, client_address) VALUES (now(), NULL, :sid, :oid, NULL, NULL, 'handover', 'update', 'handover.accept', :hid::text, :cid::uuid, 'success', 'pgbench', '127.0.0.1');
INSERT INTO outbox (aggregate_type, aggregate_id, event_type, sequence, source, topic, payload, created_at) VALUES ('handover', :hid, 'nl.ketenportaal.handover.accepted.v1', :nver, replace('urn|nld|oin|' || :oin::text || '|systeem|ketenportaal', '|', chr(58)), 'ketenportaal.handovers.local-teams', jsonb_build_object('handoverId', :hid::text, 'caseId', :cid::text, 'status', 'accepted', 'version', :nver::int, 'organisationId', :vtid::text, 'targetOrganisationId', :oid::text, 'targetTeamId', :tid::text, 'municipalityCode', :gm::text, 'regionId', :rid::text, 'acceptanceDueOn', :adue::text, 'firstContactDueOn', (current_date + 14)::text, 'occurredAt', now()::text), now());
SELECT pg_notify('ketenportaal_outbox', :hid::text);
INSERT INTO notifications (recipient_user_id, kind, handover_id, params) VALUES (:ouid, 'handover_accepted', :hid, jsonb_build_object('caseReference', :cref::text, 'teamName', :tmname::text, 'organisationName', :tname::text, 'deadlineKind', NULL, 'dueOn', NULL));
SELECT email FROM users WHERE id IN (:ouid) AND active = true;
INSERT INTO mail_outbox (to_address, template, subject, body_text, body_html, handover_id) VALUES ('vt-worker@bench.example', 'handover_accepted', 'Overdracht geaccepteerd', '${MAIL_TEXT}', '${MAIL_HTML}', :hid);
COMMIT;
`;

/** The pgbench pool: offered handovers of `pool`, numbered, with their addressed organisation's partner system. */
export async function preparePgbenchPool(sql: Sql, pool: string): Promise<number> {
  await sql.unsafe(`drop table if exists bench.pgbench_pool; drop sequence if exists bench.pgbench_seq`);
  await sql.unsafe(`create table bench.pgbench_pool as
    select row_number() over (order by l.i) as n, h.id as hid, h.target_organisation_id as oid, sa.id as sid
    from bench.plan_log l join handovers h on h.id = l.handover_id
    join service_accounts sa on sa.organisation_id = h.target_organisation_id
    where l.pool = '${pool}'`);
  await sql.unsafe(`create unique index on bench.pgbench_pool (n)`);
  await sql.unsafe(`create sequence bench.pgbench_seq`);
  const [row] = await sql<{ n: string }[]>`select count(*) as n from bench.pgbench_pool`;
  return Number(row?.n ?? 0);
}

/** Runs pgbench with the accept script; transactions per second without connection time. */
export async function runAcceptPgbench(options: {
  databaseName: string;
  clients: number;
  transactions: number;
}): Promise<{ tps: number; transactions: number }> {
  const dir = await mkdtemp(join(tmpdir(), "kp-bench-pgbench-"));
  try {
    const script = join(dir, "accept.sql");
    await writeFile(script, ACCEPT_SCRIPT);
    const perClient = Math.max(1, Math.floor(options.transactions / options.clients));
    const args = ["-h", "127.0.0.1", "-U", "postgres", "-n", "-M", "prepared", "-c", String(options.clients)];
    args.push("-j", "2", "-t", String(perClient), "-f", script, options.databaseName);
    const child = spawn("pgbench", args, { env: getChildBaseEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const code = await new Promise<number | null>((done) => child.once("exit", (exitCode) => done(exitCode)));
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1];
    const failed = /number of failed transactions: (\d+)/.exec(output)?.[1];
    if (code !== 0 || !tps || (failed && failed !== "0")) throw new Error(`pgbench failed (exit ${code}):\n${output}`);
    return { tps: Number(tps), transactions: perClient * options.clients };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
