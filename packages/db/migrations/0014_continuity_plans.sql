CREATE TABLE "continuity_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"expected_end_on" date NOT NULL,
	"services" text[] NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"declared_by_user_id" uuid NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	"ended_by_user_id" uuid,
	"ended_at" timestamp with time zone,
	"start_notified_at" timestamp with time zone,
	"end_notified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "continuity_plans_end_after_start" CHECK ("continuity_plans"."expected_end_on" > "continuity_plans"."starts_on"),
	CONSTRAINT "continuity_plans_services" CHECK (cardinality("continuity_plans"."services") >= 1),
	CONSTRAINT "continuity_plans_end_reason" CHECK (("continuity_plans"."ended_on" is null) = ("continuity_plans"."end_reason" is null) and ("continuity_plans"."end_reason" is null or "continuity_plans"."end_reason" in ('declared', 'reached')))
);
--> statement-breakpoint
ALTER TABLE "continuity_plans" ADD CONSTRAINT "continuity_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuity_plans" ADD CONSTRAINT "continuity_plans_declared_by_user_id_users_id_fk" FOREIGN KEY ("declared_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuity_plans" ADD CONSTRAINT "continuity_plans_ended_by_user_id_users_id_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "continuity_plans_period_idx" ON "continuity_plans" USING btree ("starts_on","expected_end_on");--> statement-breakpoint
-- The continuïteitsplan: every signed-in user of the chain reads the periods (the portal's banner, the reports'
-- marking); only VT's functioneel beheerder of the plan's own organisation declares and ends one through the app
-- role, and the worker role (the bridge) ends a period whose expected end has passed and sends the notices.
ALTER TABLE continuity_plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE continuity_plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY continuity_plans_worker ON continuity_plans TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON continuity_plans TO ketenportaal_worker;
--> statement-breakpoint
CREATE POLICY continuity_plans_app_read ON continuity_plans FOR SELECT TO ketenportaal_app USING (NULLIF(current_setting('app.organisation_id', true), '')::uuid IS NOT NULL OR NULLIF(current_setting('app.user_id', true), '')::uuid IS NOT NULL);
--> statement-breakpoint
CREATE POLICY continuity_plans_app_admin_insert ON continuity_plans FOR INSERT TO ketenportaal_app WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt'));
--> statement-breakpoint
CREATE POLICY continuity_plans_app_admin_update ON continuity_plans FOR UPDATE TO ketenportaal_app USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt')) WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin' AND o.kind = 'vt'));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON continuity_plans TO ketenportaal_app;
