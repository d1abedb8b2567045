-- kp_destroy_case (migrations 0010, 0018) also deletes the wachtlijst of the case (entries, contact moments, change
-- signals) and the portal notices that name it by `params.caseId` (a change signal's notice to the teamcoördinator
-- carries the case reference).
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
    WHERE handover_id = ANY (handover_ids) OR params->>'trajectoryId' = ANY (trajectory_ids::text[])
       OR params->>'caseId' = target::text;
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
  -- A terugkoppeling mail holds no case content, but its recipient is the melder's address (migration 0015).
  DELETE FROM mail_outbox
    WHERE template = 'melder_feedback'
      AND to_address IN (SELECT email FROM melder_addresses WHERE case_id = target);
  DELETE FROM melder_feedback WHERE case_id = target;
  DELETE FROM melder_addresses WHERE case_id = target;
  -- The wachtlijst (migration 0020): contact outcomes and change signals are case content.
  DELETE FROM waiting_list_contacts WHERE case_id = target;
  DELETE FROM waiting_list_entries WHERE case_id = target;
  DELETE FROM case_change_signals WHERE case_id = target;
  DELETE FROM involved_persons WHERE case_id = target;
  DELETE FROM cases WHERE id = target;
END $$;
