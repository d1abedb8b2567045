CREATE TABLE "report_bottlenecks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"text" text NOT NULL,
	"written_by_user_id" uuid NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "report_bottlenecks_region_period" UNIQUE("region_id","period_from"),
	CONSTRAINT "report_bottlenecks_period" CHECK ("report_bottlenecks"."period_to" = "report_bottlenecks"."period_from" + 13),
	CONSTRAINT "report_bottlenecks_text" CHECK (char_length("report_bottlenecks"."text") between 1 and 2000)
);
--> statement-breakpoint
ALTER TABLE "report_bottlenecks" ADD CONSTRAINT "report_bottlenecks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_bottlenecks" ADD CONSTRAINT "report_bottlenecks_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_bottlenecks" ADD CONSTRAINT "report_bottlenecks_written_by_user_id_users_id_fk" FOREIGN KEY ("written_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Knelpunten (decision 014): written by a VT organisation's teamcoördinator, read by that organisation and by the
-- gemeente organisations of the region. Background work (the demo seed) may write them too.
ALTER TABLE report_bottlenecks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE report_bottlenecks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_bottlenecks_worker ON report_bottlenecks TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON report_bottlenecks TO ketenportaal_worker;
--> statement-breakpoint
CREATE POLICY report_bottlenecks_app_read ON report_bottlenecks FOR SELECT TO ketenportaal_app USING (
  organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
  OR region_id IN (
    SELECT m.region_id FROM organisations o JOIN municipalities m ON m.code = o.municipality_code
    WHERE o.id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
  )
);
--> statement-breakpoint
CREATE POLICY report_bottlenecks_app_insert ON report_bottlenecks FOR INSERT TO ketenportaal_app WITH CHECK (
  organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
  AND written_by_user_id = NULLIF(current_setting('app.user_id', true), '')::uuid
  AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'team_coordinator')
);
--> statement-breakpoint
CREATE POLICY report_bottlenecks_app_update ON report_bottlenecks FOR UPDATE TO ketenportaal_app USING (
  organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
  AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'team_coordinator')
) WITH CHECK (
  organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
  AND written_by_user_id = NULLIF(current_setting('app.user_id', true), '')::uuid
);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON report_bottlenecks TO ketenportaal_app;
