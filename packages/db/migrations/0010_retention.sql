CREATE TABLE "retention_figures" (
	"organisation_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"year" integer NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"files" integer DEFAULT 0 NOT NULL,
	"handovers" integer DEFAULT 0 NOT NULL,
	"trajectories" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "retention_figures_organisation_id_municipality_code_year_outcome_reason_pk" PRIMARY KEY("organisation_id","municipality_code","year","outcome","reason"),
	CONSTRAINT "retention_figures_outcome" CHECK ("retention_figures"."outcome" in ('handover_completed', 'vv_closed', 'other')),
	CONSTRAINT "retention_figures_reason" CHECK ("retention_figures"."reason" in ('retention_expired', 'request'))
);
--> statement-breakpoint
CREATE TABLE "retention_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"requester_category" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"refusal_code" text,
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "retention_requests_requester" CHECK ("retention_requests"."requester_category" in ('betrokkene', 'wettelijk_vertegenwoordiger')),
	CONSTRAINT "retention_requests_status" CHECK ("retention_requests"."status" in ('open', 'carried_out', 'refused')),
	CONSTRAINT "retention_requests_refusal" CHECK (("retention_requests"."status" = 'refused') = ("retention_requests"."refusal_code" is not null) and ("retention_requests"."refusal_code" is null or "retention_requests"."refusal_code" in ('active_follow_up', 'interest_of_another', 'legal_obligation')))
);
--> statement-breakpoint
ALTER TABLE "retention_figures" ADD CONSTRAINT "retention_figures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_figures" ADD CONSTRAINT "retention_figures_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_requests" ADD CONSTRAINT "retention_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_requests" ADD CONSTRAINT "retention_requests_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_requests" ADD CONSTRAINT "retention_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "retention_requests_one_open" ON "retention_requests" USING btree ("case_id") WHERE "retention_requests"."status" = 'open';--> statement-breakpoint
CREATE INDEX "retention_requests_organisation_idx" ON "retention_requests" USING btree ("organisation_id","status","due_on");--> statement-breakpoint
-- Retention and destruction (decision 012). Both tables: the worker role (the scheduled destruction) everything,
-- a request only as the functioneel beheerder of the organisation that holds the file.
ALTER TABLE retention_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE retention_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE retention_figures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE retention_figures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY retention_requests_worker ON retention_requests TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY retention_figures_worker ON retention_figures TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON retention_requests, retention_figures TO ketenportaal_worker;
--> statement-breakpoint
CREATE POLICY retention_requests_app_admin ON retention_requests TO ketenportaal_app USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin')) WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin'));
--> statement-breakpoint
CREATE POLICY retention_figures_app_admin ON retention_figures TO ketenportaal_app USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin')) WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin'));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON retention_requests, retention_figures TO ketenportaal_app;
--> statement-breakpoint
-- Destroying a file deletes rows from fourteen tables; no role a transaction runs as may DELETE them. The one
-- function kp_destroy_case does, as its owner ketenportaal_retention: a NOLOGIN role that owns nothing else and
-- that no code switches to. It refuses unless called by the scheduled destruction (worker role, system task
-- 'retention') or by a functioneel beheerder of the organisation that holds the file.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ketenportaal_retention') THEN
    CREATE ROLE ketenportaal_retention NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
-- A login role that is not a superuser must be a member to hand the function to the role.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT ketenportaal_retention TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ketenportaal_retention;
--> statement-breakpoint
GRANT SELECT ON memberships TO ketenportaal_retention;
--> statement-breakpoint
CREATE POLICY memberships_retention ON memberships FOR SELECT TO ketenportaal_retention USING (true);
--> statement-breakpoint
GRANT SELECT (id, organisation_id), DELETE ON cases TO ketenportaal_retention;
--> statement-breakpoint
GRANT SELECT (id, case_id), DELETE ON involved_persons TO ketenportaal_retention;
--> statement-breakpoint
GRANT SELECT, DELETE ON handovers, handover_history, deadline_alerts, notifications, mail_outbox, table_agenda_items, vv_trajectories, vv_conditions, vv_condition_history, vv_monitoring_moments, vv_monitoring_assessments, vv_timeline_entries TO ketenportaal_retention;
--> statement-breakpoint
CREATE POLICY cases_retention ON cases TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY involved_persons_retention ON involved_persons TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY handovers_retention ON handovers TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY handover_history_retention ON handover_history TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY deadline_alerts_retention ON deadline_alerts TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY notifications_retention ON notifications TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY mail_outbox_retention ON mail_outbox TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY table_agenda_items_retention ON table_agenda_items TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY vv_trajectories_retention ON vv_trajectories TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY vv_conditions_retention ON vv_conditions TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY vv_condition_history_retention ON vv_condition_history TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY vv_monitoring_moments_retention ON vv_monitoring_moments TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY vv_monitoring_assessments_retention ON vv_monitoring_assessments TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY vv_timeline_entries_retention ON vv_timeline_entries TO ketenportaal_retention USING (true);
--> statement-breakpoint
-- Deletes the case and everything about it: persons, handovers with their history, alerts, notices and e-mail,
-- agenda items, V&V trajectories with conditions, history, monitoring and timeline. The audit log (no foreign
-- keys, append-only) and the outbox (ids, statuses and dates only) stay. A table added later with a foreign key
-- to one of these makes the delete fail loudly rather than leave data behind.
CREATE OR REPLACE FUNCTION kp_destroy_case(target uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  owner_organisation uuid;
  handover_ids uuid[];
  trajectory_ids uuid[];
BEGIN
  SELECT organisation_id INTO owner_organisation FROM cases WHERE id = target;
  IF owner_organisation IS NULL THEN
    RAISE EXCEPTION 'case % not found', target USING ERRCODE = 'no_data_found';
  END IF;
  IF NOT (
    NULLIF(current_setting('app.system_task', true), '') = 'retention'
    OR (owner_organisation = NULLIF(current_setting('app.organisation_id', true), '')::uuid
        AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid
                    AND m.organisation_id = owner_organisation AND m.role = 'functional_admin'))
  ) THEN
    RAISE EXCEPTION 'destroying case % refused', target USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT coalesce(array_agg(id), '{}') INTO handover_ids FROM handovers WHERE case_id = target;
  SELECT coalesce(array_agg(id), '{}') INTO trajectory_ids FROM vv_trajectories WHERE case_id = target;
  DELETE FROM notifications
    WHERE handover_id = ANY (handover_ids) OR params->>'trajectoryId' = ANY (trajectory_ids::text[]);
  DELETE FROM mail_outbox
    WHERE handover_id = ANY (handover_ids)
       OR EXISTS (SELECT 1 FROM unnest(trajectory_ids) t(id) WHERE mail_outbox.body_text LIKE '%' || t.id::text || '%');
  DELETE FROM deadline_alerts WHERE handover_id = ANY (handover_ids);
  DELETE FROM handover_history WHERE handover_id = ANY (handover_ids);
  DELETE FROM table_agenda_items WHERE case_id = target OR handover_id = ANY (handover_ids);
  DELETE FROM vv_monitoring_assessments
    WHERE moment_id IN (SELECT id FROM vv_monitoring_moments WHERE trajectory_id = ANY (trajectory_ids));
  DELETE FROM vv_condition_history
    WHERE condition_id IN (SELECT id FROM vv_conditions WHERE trajectory_id = ANY (trajectory_ids));
  DELETE FROM vv_timeline_entries WHERE trajectory_id = ANY (trajectory_ids);
  DELETE FROM vv_monitoring_moments WHERE trajectory_id = ANY (trajectory_ids);
  DELETE FROM vv_conditions WHERE trajectory_id = ANY (trajectory_ids);
  DELETE FROM vv_trajectories WHERE id = ANY (trajectory_ids);
  DELETE FROM handovers WHERE id = ANY (handover_ids);
  DELETE FROM involved_persons WHERE case_id = target;
  DELETE FROM cases WHERE id = target;
END $$;
--> statement-breakpoint
ALTER FUNCTION kp_destroy_case(uuid) OWNER TO ketenportaal_retention;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kp_destroy_case(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kp_destroy_case(uuid) TO ketenportaal_app, ketenportaal_worker;
--> statement-breakpoint
-- A partner reads its copy of a handover until a configurable period after it closed: the request sets
-- app.partner_access_cutoff (now minus PARTNER_ACCESS_AFTER_CLOSE_DAYS); unset, a partner reads no closed
-- handover. The VT organisation that owns the handover keeps it. Everything that reaches handovers through this
-- policy (its history, alerts, the case a partner sees through it) follows.
DROP POLICY handovers_app ON handovers;
--> statement-breakpoint
CREATE POLICY handovers_app ON handovers TO ketenportaal_app USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid OR (target_organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND offered_at IS NOT NULL AND (closed_at IS NULL OR closed_at > COALESCE(NULLIF(current_setting('app.partner_access_cutoff', true), '')::timestamptz, 'infinity'::timestamptz)))) WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid OR (target_organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND offered_at IS NOT NULL));
