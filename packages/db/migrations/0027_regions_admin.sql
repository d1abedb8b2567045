ALTER TABLE "regions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_acceptance_deadline_days_range" CHECK ("regions"."acceptance_deadline_days" BETWEEN 1 AND 30);--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_first_contact_deadline_days_range" CHECK ("regions"."first_contact_deadline_days" BETWEEN 1 AND 60);--> statement-breakpoint
-- Regions in functioneel beheer (issue 10, decision 020). Until now the app role only read regions and gemeenten;
-- the VT organisation's functioneel beheerder now sets a region's aanspreekpunt and deadlines, creates a region and
-- moves a gemeente from one region into another (municipalities.region_id). Nobody else writes them in a request;
-- nothing is deleted.
CREATE POLICY regions_app_admin_insert ON regions FOR INSERT TO ketenportaal_app WITH CHECK (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt'));
--> statement-breakpoint
CREATE POLICY regions_app_admin_update ON regions FOR UPDATE TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt')) WITH CHECK (true);
--> statement-breakpoint
GRANT INSERT, UPDATE (name, contact_user_id, acceptance_deadline_days, first_contact_deadline_days, version) ON regions TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY municipalities_app_admin_update ON municipalities FOR UPDATE TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt')) WITH CHECK (true);
--> statement-breakpoint
GRANT UPDATE (region_id) ON municipalities TO ketenportaal_app;
