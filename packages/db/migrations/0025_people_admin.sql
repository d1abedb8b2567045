CREATE TABLE "user_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_invites_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "user_invites" ADD CONSTRAINT "user_invites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_invites_user_idx" ON "user_invites" USING btree ("user_id");--> statement-breakpoint
-- People in functioneel beheer (issue 10, decision 019). The VT organisation's functioneel beheerder invites and
-- manages everyone; a partner coördinator only the people of their own organisation, in partner roles. Nobody is
-- deleted: a person is deactivated; their sessions are revoked as the authentication role (which owns sessions) in
-- the same transaction, so no VT beheerder reads other people's sessions. Accepting an invite runs as the
-- authentication role, which may now set a password.
ALTER TABLE user_invites ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_invites FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY user_invites_app_admin_read ON user_invites FOR SELECT TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt') OR (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'partner_coordinator') AND EXISTS (SELECT 1 FROM memberships t WHERE t.user_id = user_invites.user_id AND t.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid)));
--> statement-breakpoint
CREATE POLICY user_invites_app_admin_insert ON user_invites FOR INSERT TO ketenportaal_app WITH CHECK (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt') OR (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'partner_coordinator') AND EXISTS (SELECT 1 FROM memberships t WHERE t.user_id = user_invites.user_id AND t.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid)));
--> statement-breakpoint
GRANT SELECT, INSERT ON user_invites TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY user_invites_auth ON user_invites TO ketenportaal_auth USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, UPDATE (used_at) ON user_invites TO ketenportaal_auth;
--> statement-breakpoint
GRANT UPDATE (password_hash) ON users TO ketenportaal_auth;
--> statement-breakpoint
CREATE POLICY users_app_admin_insert ON users FOR INSERT TO ketenportaal_app WITH CHECK (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt') OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'partner_coordinator'));
--> statement-breakpoint
CREATE POLICY users_app_admin_update ON users FOR UPDATE TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt') OR (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'partner_coordinator') AND EXISTS (SELECT 1 FROM memberships t WHERE t.user_id = users.id AND t.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid))) WITH CHECK (true);
--> statement-breakpoint
GRANT INSERT (id, email, name, active), UPDATE (active) ON users TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY memberships_app_admin_insert ON memberships FOR INSERT TO ketenportaal_app WITH CHECK (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt') OR (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'partner_coordinator') AND organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND role IN ('partner_worker', 'partner_coordinator')));
--> statement-breakpoint
CREATE POLICY memberships_app_admin_update ON memberships FOR UPDATE TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt') OR (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'partner_coordinator') AND organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND role IN ('partner_worker', 'partner_coordinator'))) WITH CHECK (EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt') OR (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'partner_coordinator') AND organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND role IN ('partner_worker', 'partner_coordinator')));
--> statement-breakpoint
GRANT INSERT (id, user_id, organisation_id, team_id, role), UPDATE (team_id, role) ON memberships TO ketenportaal_app;
