-- The gemeente report also counts onderzoeken finished within 10 weeks (issue 8, norm 80%): a fourth facts
-- function like those of migration 0016 — a gemeente, the due date and the day it finished; no id, no text.
GRANT SELECT (investigation_started_at, investigation_due_on, investigation_finished_at) ON cases TO ketenportaal_report;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kp_report_investigation_facts(period_from date, period_to date)
RETURNS TABLE (municipality_code text, due_on text, finished_on text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.municipality_code,
         to_char(c.investigation_due_on, 'YYYY-MM-DD'),
         to_char(c.investigation_finished_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')
  FROM cases c
  WHERE kp_report_caller_allowed()
    AND c.investigation_started_at IS NOT NULL
    AND (c.investigation_started_at AT TIME ZONE 'Europe/Amsterdam')::date <= period_to
    AND (c.investigation_finished_at IS NULL
         OR (c.investigation_finished_at AT TIME ZONE 'Europe/Amsterdam')::date >= period_from)
$$;
--> statement-breakpoint
ALTER FUNCTION kp_report_investigation_facts(date, date) OWNER TO ketenportaal_report;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kp_report_investigation_facts(date, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kp_report_investigation_facts(date, date) TO ketenportaal_app;
