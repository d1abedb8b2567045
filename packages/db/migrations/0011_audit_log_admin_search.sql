CREATE INDEX "audit_log_organisation_idx" ON "audit_log" USING btree ("organisation_id","occurred_at");--> statement-breakpoint
-- The beheerder's audit-log search (admin.audit.search, decision 010). Migration 0005 let a functioneel beheerder
-- read only the rows their own organisation wrote. NEN 7513 asks who looked at — or tried to look at — our files,
-- so the beheerder of an organisation now also reads the rows about its cases, whoever wrote them (a partner's read
-- of a handover package of ours), and the rows without an organisation about its own people (failed logins).
-- Still only through the app role, only for a member with the functional_admin role in the acting organisation.
DROP POLICY audit_log_app_read ON audit_log;
--> statement-breakpoint
CREATE POLICY audit_log_app_read ON audit_log FOR SELECT TO ketenportaal_app USING (
  EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin')
  AND (
    organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
    OR case_id IN (SELECT c.id FROM cases c WHERE c.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    OR (organisation_id IS NULL AND user_id IN (SELECT m.user_id FROM memberships m WHERE m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid))
  )
);
