-- Service accounts in functioneel beheer (issue 10, decision 021). Until now only the CLI (as the worker role) created
-- a partner system's account; the VT organisation's functioneel beheerder now creates one from the beheer page, in a
-- request. The token's hash is written but never read back by the app role (its SELECT grant leaves token_hash out);
-- revoked_at and last_used_at are not the creator's to set.
CREATE POLICY service_accounts_app_admin_insert ON service_accounts FOR INSERT TO ketenportaal_app WITH CHECK (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt'));
--> statement-breakpoint
GRANT INSERT (organisation_id, name, token_hash, created_at, expires_at) ON service_accounts TO ketenportaal_app;
