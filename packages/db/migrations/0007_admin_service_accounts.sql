-- The functioneel beheerder lists every organisation's service accounts (partner systems) and may revoke them.
-- Only the revocation column is granted for update: names, organisations and token hashes stay as they are.
CREATE POLICY service_accounts_app_admin ON service_accounts FOR SELECT TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin'));
--> statement-breakpoint
CREATE POLICY service_accounts_app_admin_revoke ON service_accounts FOR UPDATE TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin')) WITH CHECK (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin'));
--> statement-breakpoint
GRANT UPDATE (revoked_at) ON service_accounts TO ketenportaal_app;
