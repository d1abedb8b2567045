ALTER TABLE "organisations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_oin_shape" CHECK ("organisations"."oin" IS NULL OR "organisations"."oin" ~ '^[0-9]{20}$');--> statement-breakpoint
-- Functioneel beheer of organisations and teams (issue 10). Until now the app role only read the chain's directory;
-- the VT organisation's functioneel beheerder now writes organisations, teams and the gemeenten a team serves, and a
-- partner's coördinator edits the teams of their own organisation (the service allows only the notification address).
-- Nothing is deleted: an organisation is deactivated, a team's gemeenten are replaced.
CREATE POLICY organisations_app_admin_insert ON organisations FOR INSERT TO ketenportaal_app WITH CHECK (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt'));
--> statement-breakpoint
CREATE POLICY organisations_app_admin_update ON organisations FOR UPDATE TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt')) WITH CHECK (true);
--> statement-breakpoint
GRANT INSERT, UPDATE (name, kind, oin, municipality_code, active, version) ON organisations TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY teams_app_admin_insert ON teams FOR INSERT TO ketenportaal_app WITH CHECK (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt'));
--> statement-breakpoint
CREATE POLICY teams_app_admin_update ON teams FOR UPDATE TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt')) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY teams_app_coordinator_update ON teams FOR UPDATE TO ketenportaal_app USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'partner_coordinator')) WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
GRANT INSERT, UPDATE (name, notification_email, version) ON teams TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY team_municipalities_app_admin_insert ON team_municipalities FOR INSERT TO ketenportaal_app WITH CHECK (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt'));
--> statement-breakpoint
CREATE POLICY team_municipalities_app_admin_delete ON team_municipalities FOR DELETE TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt'));
--> statement-breakpoint
GRANT INSERT, DELETE ON team_municipalities TO ketenportaal_app;
