-- Row-level security (decision 007). Three NOLOGIN roles, entered per transaction with SET LOCAL ROLE:
--   ketenportaal_app     every request (withRequest): rows of the acting organisation, or addressed to it
--   ketenportaal_auth    finding who calls before an organisation is known (withAuthentication): identity tables only
--   ketenportaal_worker  background work across organisations (withSystemTask): bridge, deadline watch, seed, CLI
-- Roles are cluster-wide: created idempotently, and a race between two databases migrating at once is harmless.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ketenportaal_app') THEN
    CREATE ROLE ketenportaal_app NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ketenportaal_worker') THEN
    CREATE ROLE ketenportaal_worker NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ketenportaal_auth') THEN
    CREATE ROLE ketenportaal_auth NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
-- A login role that is not a superuser must be a member to SET ROLE.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT ketenportaal_app, ketenportaal_worker, ketenportaal_auth TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ketenportaal_app, ketenportaal_worker, ketenportaal_auth;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ketenportaal_app, ketenportaal_worker, ketenportaal_auth;
--> statement-breakpoint
-- Every table: enabled and forced, so that only the policies below open it.
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organisations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE regions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE regions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE municipalities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE municipalities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE teams FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE team_municipalities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE team_municipalities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_accounts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE service_accounts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE involved_persons ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE involved_persons FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE handovers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE handovers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE handover_history ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE handover_history FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE deadline_alerts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE deadline_alerts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE outbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE table_meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE table_meetings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE table_meeting_participants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE table_meeting_participants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE table_agenda_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE table_agenda_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vv_trajectories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vv_trajectories FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vv_conditions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vv_conditions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vv_condition_history ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vv_condition_history FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vv_monitoring_moments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vv_monitoring_moments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vv_monitoring_assessments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vv_monitoring_assessments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vv_timeline_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE vv_timeline_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The worker sees everything it is granted; it is granted no DELETE and no change to the audit log.
CREATE POLICY organisations_worker ON organisations TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY regions_worker ON regions TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY municipalities_worker ON municipalities TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY teams_worker ON teams TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY team_municipalities_worker ON team_municipalities TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY users_worker ON users TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY memberships_worker ON memberships TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY sessions_worker ON sessions TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY service_accounts_worker ON service_accounts TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY cases_worker ON cases TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY involved_persons_worker ON involved_persons TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY handovers_worker ON handovers TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY handover_history_worker ON handover_history TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY notifications_worker ON notifications TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY mail_outbox_worker ON mail_outbox TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY deadline_alerts_worker ON deadline_alerts TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY outbox_worker ON outbox TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_log_worker ON audit_log TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY table_meetings_worker ON table_meetings TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY table_meeting_participants_worker ON table_meeting_participants TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY table_agenda_items_worker ON table_agenda_items TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY vv_trajectories_worker ON vv_trajectories TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY vv_conditions_worker ON vv_conditions TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY vv_condition_history_worker ON vv_condition_history TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY vv_monitoring_moments_worker ON vv_monitoring_moments TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY vv_monitoring_assessments_worker ON vv_monitoring_assessments TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY vv_timeline_entries_worker ON vv_timeline_entries TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON organisations, regions, municipalities, teams, team_municipalities, users, memberships, sessions, service_accounts, cases, involved_persons, handovers, handover_history, notifications, mail_outbox, deadline_alerts, outbox, table_meetings, table_meeting_participants, table_agenda_items, vv_trajectories, vv_conditions, vv_condition_history, vv_monitoring_moments, vv_monitoring_assessments, vv_timeline_entries TO ketenportaal_worker;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO ketenportaal_worker;
--> statement-breakpoint
-- Authentication: look up a session or token, check a password, open or end a session, log the attempt.
CREATE POLICY users_auth ON users TO ketenportaal_auth USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY memberships_auth ON memberships TO ketenportaal_auth USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY organisations_auth ON organisations TO ketenportaal_auth USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY teams_auth ON teams TO ketenportaal_auth USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY sessions_auth ON sessions TO ketenportaal_auth USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY service_accounts_auth ON service_accounts TO ketenportaal_auth USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_log_auth ON audit_log FOR INSERT TO ketenportaal_auth WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT ON users, memberships, organisations, teams, sessions, service_accounts TO ketenportaal_auth;
--> statement-breakpoint
GRANT INSERT, UPDATE ON sessions TO ketenportaal_auth;
--> statement-breakpoint
GRANT UPDATE (last_used_at) ON service_accounts TO ketenportaal_auth;
--> statement-breakpoint
GRANT INSERT ON audit_log TO ketenportaal_auth;
--> statement-breakpoint
-- Requests. The directory of the chain (organisations, teams, regions, people and their roles) is readable in
-- any request that acts for an organisation: handovers are addressed to another organisation's team, and
-- names of the people on the other side are shown. Secrets (password and token hashes) are not granted.
-- A transaction that knows only its user (the login request) reads that person's own user and memberships.
CREATE POLICY organisations_app_read ON organisations FOR SELECT TO ketenportaal_app USING (NULLIF(current_setting('app.organisation_id', true), '')::uuid IS NOT NULL OR NULLIF(current_setting('app.user_id', true), '')::uuid IS NOT NULL);
--> statement-breakpoint
GRANT SELECT ON organisations TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY regions_app_read ON regions FOR SELECT TO ketenportaal_app USING (NULLIF(current_setting('app.organisation_id', true), '')::uuid IS NOT NULL OR NULLIF(current_setting('app.user_id', true), '')::uuid IS NOT NULL);
--> statement-breakpoint
GRANT SELECT ON regions TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY municipalities_app_read ON municipalities FOR SELECT TO ketenportaal_app USING (NULLIF(current_setting('app.organisation_id', true), '')::uuid IS NOT NULL OR NULLIF(current_setting('app.user_id', true), '')::uuid IS NOT NULL);
--> statement-breakpoint
GRANT SELECT ON municipalities TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY teams_app_read ON teams FOR SELECT TO ketenportaal_app USING (NULLIF(current_setting('app.organisation_id', true), '')::uuid IS NOT NULL OR NULLIF(current_setting('app.user_id', true), '')::uuid IS NOT NULL);
--> statement-breakpoint
GRANT SELECT ON teams TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY team_municipalities_app_read ON team_municipalities FOR SELECT TO ketenportaal_app USING (NULLIF(current_setting('app.organisation_id', true), '')::uuid IS NOT NULL OR NULLIF(current_setting('app.user_id', true), '')::uuid IS NOT NULL);
--> statement-breakpoint
GRANT SELECT ON team_municipalities TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY memberships_app_read ON memberships FOR SELECT TO ketenportaal_app USING (NULLIF(current_setting('app.organisation_id', true), '')::uuid IS NOT NULL OR user_id = NULLIF(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT ON memberships TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY users_app_read ON users FOR SELECT TO ketenportaal_app USING (NULLIF(current_setting('app.organisation_id', true), '')::uuid IS NOT NULL OR id = NULLIF(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT (id, email, name, active, created_at) ON users TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY sessions_app ON sessions TO ketenportaal_app USING (user_id = NULLIF(current_setting('app.user_id', true), '')::uuid) WITH CHECK (user_id = NULLIF(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON sessions TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY service_accounts_app_read ON service_accounts FOR SELECT TO ketenportaal_app USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT (id, organisation_id, name, created_at, expires_at, revoked_at, last_used_at) ON service_accounts TO ketenportaal_app;
--> statement-breakpoint
-- Cases: VT's own, or one a partner is addressed on (an offered handover, a V&V trajectory, a table agenda).
CREATE POLICY cases_app_read ON cases FOR SELECT TO ketenportaal_app USING (
  organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
  OR id IN (SELECT case_id FROM handovers WHERE target_organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND offered_at IS NOT NULL)
  OR id IN (SELECT case_id FROM vv_trajectories WHERE partner_organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
  OR id IN (SELECT case_id FROM table_agenda_items)
);
--> statement-breakpoint
CREATE POLICY cases_app_write ON cases TO ketenportaal_app USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON cases TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY involved_persons_app_read ON involved_persons FOR SELECT TO ketenportaal_app USING (case_id IN (SELECT id FROM cases));
--> statement-breakpoint
CREATE POLICY involved_persons_app_write ON involved_persons TO ketenportaal_app
  USING (case_id IN (SELECT id FROM cases WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid))
  WITH CHECK (case_id IN (SELECT id FROM cases WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON involved_persons TO ketenportaal_app;
--> statement-breakpoint
-- Handovers: the VT organisation that owns it, and the addressed organisation once it has been offered.
CREATE POLICY handovers_app ON handovers TO ketenportaal_app USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid OR (target_organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND offered_at IS NOT NULL)) WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid OR (target_organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND offered_at IS NOT NULL));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON handovers TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY handover_history_app ON handover_history TO ketenportaal_app USING (handover_id IN (SELECT id FROM handovers)) WITH CHECK (handover_id IN (SELECT id FROM handovers));
--> statement-breakpoint
GRANT SELECT, INSERT ON handover_history TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY deadline_alerts_app_read ON deadline_alerts FOR SELECT TO ketenportaal_app USING (handover_id IN (SELECT id FROM handovers));
--> statement-breakpoint
GRANT SELECT ON deadline_alerts TO ketenportaal_app;
--> statement-breakpoint
-- Notices and e-mail are written for people of other organisations too; a person reads only their own notices,
-- the queues only a functioneel beheerder (beheer pages).
CREATE POLICY notifications_app_read ON notifications FOR SELECT TO ketenportaal_app USING (recipient_user_id = NULLIF(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY notifications_app_update ON notifications FOR UPDATE TO ketenportaal_app USING (recipient_user_id = NULLIF(current_setting('app.user_id', true), '')::uuid) WITH CHECK (recipient_user_id = NULLIF(current_setting('app.user_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY notifications_app_insert ON notifications FOR INSERT TO ketenportaal_app WITH CHECK (NULLIF(current_setting('app.organisation_id', true), '')::uuid IS NOT NULL);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON notifications TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY mail_outbox_app_insert ON mail_outbox FOR INSERT TO ketenportaal_app WITH CHECK (NULLIF(current_setting('app.organisation_id', true), '')::uuid IS NOT NULL);
--> statement-breakpoint
CREATE POLICY mail_outbox_app_admin ON mail_outbox FOR SELECT TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin'));
--> statement-breakpoint
CREATE POLICY outbox_app_insert ON outbox FOR INSERT TO ketenportaal_app WITH CHECK (NULLIF(current_setting('app.organisation_id', true), '')::uuid IS NOT NULL);
--> statement-breakpoint
CREATE POLICY outbox_app_admin ON outbox FOR SELECT TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin'));
--> statement-breakpoint
CREATE POLICY mail_outbox_app_admin_update ON mail_outbox FOR UPDATE TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin')) WITH CHECK (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin'));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON mail_outbox TO ketenportaal_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON outbox TO ketenportaal_app;
--> statement-breakpoint
-- The audit log: written in every request, read only by a functioneel beheerder of the same organisation.
-- A request writes rows about its own organisation, or (a failed login) about none.
CREATE POLICY audit_log_app_insert ON audit_log FOR INSERT TO ketenportaal_app WITH CHECK (organisation_id IS NULL OR organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY audit_log_app_read ON audit_log FOR SELECT TO ketenportaal_app USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin'));
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO ketenportaal_app;
--> statement-breakpoint
-- Overdrachtstafels: the VT organisation holding the meeting and the participating organisations. Meetings and
-- participants refer to each other, which a policy cannot do directly (infinite recursion): this function,
-- owned by the worker role, answers which meetings the acting organisation holds or takes part in.
CREATE OR REPLACE FUNCTION kp_visible_meeting_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT id FROM table_meetings WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
  UNION
  SELECT meeting_id FROM table_meeting_participants WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
$$;
--> statement-breakpoint
ALTER FUNCTION kp_visible_meeting_ids() OWNER TO ketenportaal_worker;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kp_visible_meeting_ids() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kp_visible_meeting_ids() TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY table_meetings_app_read ON table_meetings FOR SELECT TO ketenportaal_app USING (id IN (SELECT kp_visible_meeting_ids()));
--> statement-breakpoint
CREATE POLICY table_meetings_app_write ON table_meetings TO ketenportaal_app USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON table_meetings TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY table_meeting_participants_app_read ON table_meeting_participants FOR SELECT TO ketenportaal_app USING (meeting_id IN (SELECT kp_visible_meeting_ids()));
--> statement-breakpoint
CREATE POLICY table_meeting_participants_app_write ON table_meeting_participants TO ketenportaal_app USING (meeting_id IN (SELECT id FROM table_meetings WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK (meeting_id IN (SELECT id FROM table_meetings WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY table_agenda_items_app_read ON table_agenda_items FOR SELECT TO ketenportaal_app USING (meeting_id IN (SELECT kp_visible_meeting_ids()));
--> statement-breakpoint
CREATE POLICY table_agenda_items_app_write ON table_agenda_items TO ketenportaal_app USING (meeting_id IN (SELECT id FROM table_meetings WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK (meeting_id IN (SELECT id FROM table_meetings WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON table_meeting_participants TO ketenportaal_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON table_agenda_items TO ketenportaal_app;
--> statement-breakpoint
-- The minutes show every participant the first-contact deadline of each handover decided at the table, also one
-- addressed to another partner, whose handover row that participant may not read: only id and deadline, only for
-- a meeting the acting organisation takes part in.
CREATE OR REPLACE FUNCTION kp_table_handover_deadlines(meeting uuid)
RETURNS TABLE (handover_id uuid, first_contact_due_on text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT h.id, h.first_contact_due_on::text
  FROM table_agenda_items i JOIN handovers h ON h.id = i.handover_id
  WHERE i.meeting_id = meeting AND meeting IN (SELECT kp_visible_meeting_ids())
$$;
--> statement-breakpoint
ALTER FUNCTION kp_table_handover_deadlines(uuid) OWNER TO ketenportaal_worker;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kp_table_handover_deadlines(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kp_table_handover_deadlines(uuid) TO ketenportaal_app;
--> statement-breakpoint
-- V&V: the VT organisation and the partner organisation of the trajectory.
CREATE POLICY vv_trajectories_app ON vv_trajectories TO ketenportaal_app USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid OR partner_organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid OR partner_organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY vv_conditions_app ON vv_conditions TO ketenportaal_app USING (trajectory_id IN (SELECT id FROM vv_trajectories)) WITH CHECK (trajectory_id IN (SELECT id FROM vv_trajectories));
--> statement-breakpoint
CREATE POLICY vv_monitoring_moments_app ON vv_monitoring_moments TO ketenportaal_app USING (trajectory_id IN (SELECT id FROM vv_trajectories)) WITH CHECK (trajectory_id IN (SELECT id FROM vv_trajectories));
--> statement-breakpoint
CREATE POLICY vv_timeline_entries_app ON vv_timeline_entries TO ketenportaal_app USING (trajectory_id IN (SELECT id FROM vv_trajectories)) WITH CHECK (trajectory_id IN (SELECT id FROM vv_trajectories));
--> statement-breakpoint
CREATE POLICY vv_condition_history_app ON vv_condition_history TO ketenportaal_app USING (condition_id IN (SELECT id FROM vv_conditions)) WITH CHECK (condition_id IN (SELECT id FROM vv_conditions));
--> statement-breakpoint
CREATE POLICY vv_monitoring_assessments_app ON vv_monitoring_assessments TO ketenportaal_app USING (moment_id IN (SELECT id FROM vv_monitoring_moments)) WITH CHECK (moment_id IN (SELECT id FROM vv_monitoring_moments));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON vv_trajectories, vv_conditions, vv_condition_history, vv_monitoring_moments, vv_monitoring_assessments, vv_timeline_entries TO ketenportaal_app;
--> statement-breakpoint
-- The audit log is append-only for everyone, the table owner included: no UPDATE, DELETE or TRUNCATE.
CREATE OR REPLACE FUNCTION kp_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION kp_audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION kp_audit_log_append_only();
