-- The gemeente report counts the wachtlijst too (issue 8: its size by priority and its oldest age): a fifth facts
-- function like those of migration 0016 — a gemeente, the priority and the days a case entered and left the list.
GRANT SELECT (case_id, priority, entered_on, left_at) ON waiting_list_entries TO ketenportaal_report;
--> statement-breakpoint
GRANT SELECT (id) ON cases TO ketenportaal_report;
--> statement-breakpoint
CREATE POLICY waiting_list_entries_report ON waiting_list_entries FOR SELECT TO ketenportaal_report USING (true);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kp_report_waiting_facts(period_from date, period_to date)
RETURNS TABLE (municipality_code text, priority text, entered_on text, left_on text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.municipality_code,
         w.priority,
         to_char(w.entered_on, 'YYYY-MM-DD'),
         to_char(w.left_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')
  FROM waiting_list_entries w JOIN cases c ON c.id = w.case_id
  WHERE kp_report_caller_allowed()
    AND w.entered_on <= period_to
    AND (w.left_at IS NULL OR (w.left_at AT TIME ZONE 'Europe/Amsterdam')::date >= period_from)
$$;
--> statement-breakpoint
ALTER FUNCTION kp_report_waiting_facts(date, date) OWNER TO ketenportaal_report;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kp_report_waiting_facts(date, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kp_report_waiting_facts(date, date) TO ketenportaal_app;
