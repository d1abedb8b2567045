ALTER TABLE "involved_persons" ADD COLUMN "bsn" text;--> statement-breakpoint
ALTER TABLE "involved_persons" ADD COLUMN "bsn_last_digits" text GENERATED ALWAYS AS (right(bsn, 3)) STORED;--> statement-breakpoint
ALTER TABLE "involved_persons" ADD CONSTRAINT "involved_persons_bsn" CHECK ("involved_persons"."bsn" is null or "involved_persons"."bsn" ~ '^[0-9]{9}$');--> statement-breakpoint
-- The full BSN is not readable by a request: the application role selects every column of involved_persons but
-- bsn (the masked form needs only bsn_last_digits). A new column must be added to this grant to be readable.
REVOKE SELECT ON involved_persons FROM ketenportaal_app;
--> statement-breakpoint
GRANT SELECT (id, case_id, position, role, name, birth_year, bsn_last_digits, spoken_status, not_spoken_reason, created_at) ON involved_persons TO ketenportaal_app;
--> statement-breakpoint
-- The one way to the full number for a request: only for a person of a case owned by the acting (VT) organisation.
-- The API calls it on an explicit, audited request ("Toon BSN") and to keep a stored BSN when the persons are saved.
CREATE OR REPLACE FUNCTION kp_involved_person_bsn(person uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT p.bsn FROM involved_persons p JOIN cases c ON c.id = p.case_id
  WHERE p.id = person AND c.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
$$;
--> statement-breakpoint
ALTER FUNCTION kp_involved_person_bsn(uuid) OWNER TO ketenportaal_worker;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kp_involved_person_bsn(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kp_involved_person_bsn(uuid) TO ketenportaal_app;
