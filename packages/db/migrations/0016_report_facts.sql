ALTER TABLE "organisations" ADD COLUMN "municipality_code" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE organisations ADD CONSTRAINT organisations_municipality_kind CHECK (municipality_code IS NULL OR kind = 'municipality');
--> statement-breakpoint
-- The gemeente report (issue 8, decision 014) counts every VT organisation's cases, handovers and trajectories per
-- gemeente, also for a gemeente's beleidsmedewerker, whose role may not read a single case. Three functions hand
-- over dates and a gemeente only — no id, no reference, no text — and the report service counts and protects them.
-- They are owned by ketenportaal_report: a NOLOGIN role that reads only those columns and owns nothing else.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ketenportaal_report') THEN
    CREATE ROLE ketenportaal_report NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT ketenportaal_report TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ketenportaal_report;
--> statement-breakpoint
GRANT SELECT (id, kind) ON organisations TO ketenportaal_report;
--> statement-breakpoint
GRANT SELECT (municipality_code, reported_at, safety_assessment_due_on, safety_assessment_completed_at) ON cases TO ketenportaal_report;
--> statement-breakpoint
GRANT SELECT (municipality_code, status, offered_at, accepted_at, first_contact_on, closed_at, decline_reason_code) ON handovers TO ketenportaal_report;
--> statement-breakpoint
GRANT SELECT (municipality_code, opened_at, closed_at) ON vv_trajectories TO ketenportaal_report;
--> statement-breakpoint
CREATE POLICY organisations_report ON organisations FOR SELECT TO ketenportaal_report USING (true);
--> statement-breakpoint
CREATE POLICY cases_report ON cases FOR SELECT TO ketenportaal_report USING (true);
--> statement-breakpoint
CREATE POLICY handovers_report ON handovers FOR SELECT TO ketenportaal_report USING (true);
--> statement-breakpoint
CREATE POLICY vv_trajectories_report ON vv_trajectories FOR SELECT TO ketenportaal_report USING (true);
--> statement-breakpoint
-- Only a request acting for VT or a gemeente gets facts; the service narrows a gemeente to its own figures.
CREATE OR REPLACE FUNCTION kp_report_caller_allowed() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM organisations o
    WHERE o.id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND o.kind IN ('vt', 'municipality')
  )
$$;
--> statement-breakpoint
-- Every case whose assessment touches the period: received by its end and not finished before its start.
CREATE OR REPLACE FUNCTION kp_report_assessment_facts(period_from date, period_to date)
RETURNS TABLE (municipality_code text, reported_on text, due_on text, completed_on text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.municipality_code,
         to_char(c.reported_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD'),
         to_char(c.safety_assessment_due_on, 'YYYY-MM-DD'),
         to_char(c.safety_assessment_completed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')
  FROM cases c
  WHERE kp_report_caller_allowed()
    AND (c.reported_at AT TIME ZONE 'Europe/Amsterdam')::date <= period_to
    AND (c.safety_assessment_completed_at IS NULL
         OR (c.safety_assessment_completed_at AT TIME ZONE 'Europe/Amsterdam')::date >= period_from)
$$;
--> statement-breakpoint
-- Every offered handover still open at the period's start or closed in it (nothing happens after closing).
CREATE OR REPLACE FUNCTION kp_report_handover_facts(period_from date, period_to date)
RETURNS TABLE (municipality_code text, offered_on text, accepted_on text, first_contact_on text, declined_on text,
               decline_reason_code text, returned_on text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT h.municipality_code,
         to_char(h.offered_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD'),
         to_char(h.accepted_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD'),
         to_char(h.first_contact_on, 'YYYY-MM-DD'),
         CASE WHEN h.status = 'declined' THEN to_char(h.closed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') END,
         CASE WHEN h.status = 'declined' THEN h.decline_reason_code END,
         CASE WHEN h.status = 'returned' THEN to_char(h.closed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') END
  FROM handovers h
  WHERE kp_report_caller_allowed()
    AND h.offered_at IS NOT NULL
    AND (h.offered_at AT TIME ZONE 'Europe/Amsterdam')::date <= period_to
    AND (h.closed_at IS NULL OR (h.closed_at AT TIME ZONE 'Europe/Amsterdam')::date >= period_from)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kp_report_vv_facts(period_from date, period_to date)
RETURNS TABLE (municipality_code text, opened_on text, closed_on text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT v.municipality_code,
         to_char(v.opened_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD'),
         to_char(v.closed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')
  FROM vv_trajectories v
  WHERE kp_report_caller_allowed()
    AND (v.opened_at AT TIME ZONE 'Europe/Amsterdam')::date <= period_to
    AND (v.closed_at IS NULL OR (v.closed_at AT TIME ZONE 'Europe/Amsterdam')::date >= period_from)
$$;
--> statement-breakpoint
ALTER FUNCTION kp_report_caller_allowed() OWNER TO ketenportaal_report;
--> statement-breakpoint
ALTER FUNCTION kp_report_assessment_facts(date, date) OWNER TO ketenportaal_report;
--> statement-breakpoint
ALTER FUNCTION kp_report_handover_facts(date, date) OWNER TO ketenportaal_report;
--> statement-breakpoint
ALTER FUNCTION kp_report_vv_facts(date, date) OWNER TO ketenportaal_report;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kp_report_caller_allowed(), kp_report_assessment_facts(date, date), kp_report_handover_facts(date, date), kp_report_vv_facts(date, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kp_report_caller_allowed() TO ketenportaal_report;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kp_report_assessment_facts(date, date), kp_report_handover_facts(date, date), kp_report_vv_facts(date, date) TO ketenportaal_app;
