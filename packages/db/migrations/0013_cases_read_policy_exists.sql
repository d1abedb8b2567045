-- A partner reads a case through a handover offered to it. Written as `id IN (SELECT case_id FROM handovers …)` the
-- policy ran as a hashed sub-plan over every handover of the organisation on each query that touches cases (~10 ms
-- of the inbox at 100k, growing with the organisation; docs/performance.md). The correlated EXISTS probes
-- handovers_case_idx per case row instead. The same rows are visible: the handovers policy still applies inside.
ALTER POLICY cases_app_read ON cases USING (
  organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
  OR EXISTS (
    SELECT 1 FROM handovers h
    WHERE h.case_id = cases.id
      AND h.target_organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
      AND h.offered_at IS NOT NULL
  )
  OR id IN (SELECT case_id FROM vv_trajectories WHERE partner_organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
  OR id IN (SELECT case_id FROM table_agenda_items)
);
