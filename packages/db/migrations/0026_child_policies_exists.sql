-- Issue 11: the policies of child tables were written `parent_id IN (SELECT id FROM parent)`. Planned as a hashed
-- sub-plan, that reads every parent row the organisation may see (all its cases, all its handovers) to show one
-- handover's history or one case's persons — tens of thousands of rows at the benchmark size (the query-plan guard
-- in handover-query-plans.int.test.ts shows it). A correlated EXISTS probes the parent's primary key per child row
-- instead. The same rows are visible: the parent's own policy still applies inside the sub-query.
ALTER POLICY involved_persons_app_read ON involved_persons USING (EXISTS (SELECT 1 FROM cases p WHERE p.id = involved_persons.case_id));
--> statement-breakpoint
ALTER POLICY handover_history_app ON handover_history USING (EXISTS (SELECT 1 FROM handovers p WHERE p.id = handover_history.handover_id)) WITH CHECK (EXISTS (SELECT 1 FROM handovers p WHERE p.id = handover_history.handover_id));
--> statement-breakpoint
ALTER POLICY deadline_alerts_app_read ON deadline_alerts USING (EXISTS (SELECT 1 FROM handovers p WHERE p.id = deadline_alerts.handover_id));
--> statement-breakpoint
ALTER POLICY vv_conditions_app ON vv_conditions USING (EXISTS (SELECT 1 FROM vv_trajectories p WHERE p.id = vv_conditions.trajectory_id)) WITH CHECK (EXISTS (SELECT 1 FROM vv_trajectories p WHERE p.id = vv_conditions.trajectory_id));
--> statement-breakpoint
ALTER POLICY vv_monitoring_moments_app ON vv_monitoring_moments USING (EXISTS (SELECT 1 FROM vv_trajectories p WHERE p.id = vv_monitoring_moments.trajectory_id)) WITH CHECK (EXISTS (SELECT 1 FROM vv_trajectories p WHERE p.id = vv_monitoring_moments.trajectory_id));
--> statement-breakpoint
ALTER POLICY vv_timeline_entries_app ON vv_timeline_entries USING (EXISTS (SELECT 1 FROM vv_trajectories p WHERE p.id = vv_timeline_entries.trajectory_id)) WITH CHECK (EXISTS (SELECT 1 FROM vv_trajectories p WHERE p.id = vv_timeline_entries.trajectory_id));
--> statement-breakpoint
ALTER POLICY vv_condition_history_app ON vv_condition_history USING (EXISTS (SELECT 1 FROM vv_conditions p WHERE p.id = vv_condition_history.condition_id)) WITH CHECK (EXISTS (SELECT 1 FROM vv_conditions p WHERE p.id = vv_condition_history.condition_id));
--> statement-breakpoint
ALTER POLICY vv_monitoring_assessments_app ON vv_monitoring_assessments USING (EXISTS (SELECT 1 FROM vv_monitoring_moments p WHERE p.id = vv_monitoring_assessments.moment_id)) WITH CHECK (EXISTS (SELECT 1 FROM vv_monitoring_moments p WHERE p.id = vv_monitoring_assessments.moment_id));
--> statement-breakpoint
-- The write policies apply to reads too (FOR ALL, OR-ed with the read policy): the same rewrite, limited as before to
-- the acting organisation's own parents.
ALTER POLICY involved_persons_app_write ON involved_persons USING (EXISTS (SELECT 1 FROM cases p WHERE p.id = involved_persons.case_id AND p.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK (EXISTS (SELECT 1 FROM cases p WHERE p.id = involved_persons.case_id AND p.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid));
--> statement-breakpoint
ALTER POLICY table_meeting_participants_app_write ON table_meeting_participants USING (EXISTS (SELECT 1 FROM table_meetings p WHERE p.id = table_meeting_participants.meeting_id AND p.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK (EXISTS (SELECT 1 FROM table_meetings p WHERE p.id = table_meeting_participants.meeting_id AND p.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid));
--> statement-breakpoint
ALTER POLICY table_agenda_items_app_write ON table_agenda_items USING (EXISTS (SELECT 1 FROM table_meetings p WHERE p.id = table_agenda_items.meeting_id AND p.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK (EXISTS (SELECT 1 FROM table_meetings p WHERE p.id = table_agenda_items.meeting_id AND p.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid));
