-- The scheduled tasks (bridge, deadline watch, retention, demo seed, CLI) never need a person's full BSN: like the
-- application role they select every column of involved_persons but bsn. kp_involved_person_bsn therefore gets an
-- owner of its own, ketenportaal_bsn: a NOLOGIN role that reads only the columns the function needs, that owns
-- nothing else and that no code switches to.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ketenportaal_bsn') THEN
    CREATE ROLE ketenportaal_bsn NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
-- A login role that is not a superuser must be a member to hand the function to the role.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT ketenportaal_bsn TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO ketenportaal_bsn;
--> statement-breakpoint
GRANT SELECT (id, organisation_id) ON cases TO ketenportaal_bsn;
--> statement-breakpoint
GRANT SELECT (id, case_id, bsn) ON involved_persons TO ketenportaal_bsn;
--> statement-breakpoint
-- The function itself limits what it answers to the acting organisation's own cases.
CREATE POLICY cases_bsn ON cases FOR SELECT TO ketenportaal_bsn USING (true);
--> statement-breakpoint
CREATE POLICY involved_persons_bsn ON involved_persons FOR SELECT TO ketenportaal_bsn USING (true);
--> statement-breakpoint
ALTER FUNCTION kp_involved_person_bsn(uuid) OWNER TO ketenportaal_bsn;
--> statement-breakpoint
REVOKE SELECT ON involved_persons FROM ketenportaal_worker;
--> statement-breakpoint
GRANT SELECT (id, case_id, position, role, name, birth_year, bsn_last_digits, spoken_status, not_spoken_reason, created_at) ON involved_persons TO ketenportaal_worker;
