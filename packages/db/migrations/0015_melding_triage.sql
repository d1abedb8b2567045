CREATE TABLE "melder_addresses" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "melder_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"step" text NOT NULL,
	"given_on" date NOT NULL,
	"mail_queued_at" timestamp with time zone,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "melder_feedback_step" CHECK ("melder_feedback"."step" in ('assessment_completed', 'investigation_started', 'investigation_finished', 'handed_over', 'case_closed'))
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "melder_kind" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "urgent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "children_in_household" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "elderly_in_household" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "existing_help" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "investigation_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "investigation_due_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "investigation_finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "melder_addresses" ADD CONSTRAINT "melder_addresses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "melder_addresses" ADD CONSTRAINT "melder_addresses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "melder_feedback" ADD CONSTRAINT "melder_feedback_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "melder_feedback" ADD CONSTRAINT "melder_feedback_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "melder_feedback" ADD CONSTRAINT "melder_feedback_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "melder_feedback_case_idx" ON "melder_feedback" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_open_assessment_idx" ON "cases" USING btree ("organisation_id","safety_assessment_due_on") WHERE "cases"."safety_assessment_completed_at" is null;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_melder_kind" CHECK ("cases"."melder_kind" is null or "cases"."melder_kind" in ('professional', 'non_professional'));--> statement-breakpoint
-- The melder's e-mail address is personal data: only the VT organisation that owns the case reads or writes it (a
-- partner that sees the case through a handover does not), and no background role needs it.
ALTER TABLE melder_addresses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE melder_addresses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY melder_addresses_app ON melder_addresses TO ketenportaal_app
  USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
         AND case_id IN (SELECT id FROM cases WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid))
  WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
         AND case_id IN (SELECT id FROM cases WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON melder_addresses TO ketenportaal_app;
--> statement-breakpoint
-- Feedback rows (step and date, no content): the owning VT organisation; the worker role reads them for figures.
ALTER TABLE melder_feedback ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE melder_feedback FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY melder_feedback_worker ON melder_feedback TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON melder_feedback TO ketenportaal_worker;
--> statement-breakpoint
CREATE POLICY melder_feedback_app ON melder_feedback TO ketenportaal_app
  USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
         AND case_id IN (SELECT id FROM cases WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid))
  WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
         AND case_id IN (SELECT id FROM cases WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON melder_feedback TO ketenportaal_app;
--> statement-breakpoint
-- kp_destroy_case deletes the case; the foreign keys cascade to both tables, and its role may delete them too.
GRANT SELECT, DELETE ON melder_addresses, melder_feedback TO ketenportaal_retention;
--> statement-breakpoint
CREATE POLICY melder_addresses_retention ON melder_addresses TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY melder_feedback_retention ON melder_feedback TO ketenportaal_retention USING (true);
