CREATE TABLE "case_change_signals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"received_on" date NOT NULL,
	"reassessment_due_on" date NOT NULL,
	"previous_assessment_completed_at" timestamp with time zone,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_change_signals_source" CHECK ("case_change_signals"."source" in ('melder', 'partner', 'household')),
	CONSTRAINT "case_change_signals_kind" CHECK ("case_change_signals"."kind" in ('new_incident', 'situation_worse', 'household_changed', 'help_stopped', 'other')),
	CONSTRAINT "case_change_signals_description" CHECK (char_length("case_change_signals"."description") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "waiting_list_contact_frequencies" (
	"organisation_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"priority" text NOT NULL,
	"working_days" integer NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waiting_list_contact_frequencies_organisation_id_region_id_priority_pk" PRIMARY KEY("organisation_id","region_id","priority"),
	CONSTRAINT "waiting_list_contact_frequencies_priority" CHECK ("waiting_list_contact_frequencies"."priority" in ('high', 'normal', 'low')),
	CONSTRAINT "waiting_list_contact_frequencies_days" CHECK ("waiting_list_contact_frequencies"."working_days" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "waiting_list_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"contacted_on" date NOT NULL,
	"way" text NOT NULL,
	"outcome" text NOT NULL,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waiting_list_contacts_way" CHECK ("waiting_list_contacts"."way" in ('phone', 'letter', 'visit')),
	CONSTRAINT "waiting_list_contacts_outcome" CHECK (char_length("waiting_list_contacts"."outcome") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "waiting_list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"priority" text NOT NULL,
	"entered_on" date NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_by_user_id" uuid,
	"next_contact_due_on" date NOT NULL,
	"last_contact_on" date,
	"left_at" timestamp with time zone,
	"left_reason" text,
	"left_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "waiting_list_entries_priority" CHECK ("waiting_list_entries"."priority" in ('high', 'normal', 'low')),
	CONSTRAINT "waiting_list_entries_left" CHECK (("waiting_list_entries"."left_at" is null and "waiting_list_entries"."left_reason" is null) or ("waiting_list_entries"."left_at" is not null and "waiting_list_entries"."left_reason" in ('service_started', 'case_closed')))
);
--> statement-breakpoint
ALTER TABLE "case_change_signals" ADD CONSTRAINT "case_change_signals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_change_signals" ADD CONSTRAINT "case_change_signals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_change_signals" ADD CONSTRAINT "case_change_signals_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_contact_frequencies" ADD CONSTRAINT "waiting_list_contact_frequencies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_contact_frequencies" ADD CONSTRAINT "waiting_list_contact_frequencies_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_contact_frequencies" ADD CONSTRAINT "waiting_list_contact_frequencies_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_contacts" ADD CONSTRAINT "waiting_list_contacts_entry_id_waiting_list_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."waiting_list_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_contacts" ADD CONSTRAINT "waiting_list_contacts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_contacts" ADD CONSTRAINT "waiting_list_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_contacts" ADD CONSTRAINT "waiting_list_contacts_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_entered_by_user_id_users_id_fk" FOREIGN KEY ("entered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_left_by_user_id_users_id_fk" FOREIGN KEY ("left_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_change_signals_case_idx" ON "case_change_signals" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "waiting_list_contacts_entry_idx" ON "waiting_list_contacts" USING btree ("entry_id","contacted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "waiting_list_entries_open_case" ON "waiting_list_entries" USING btree ("case_id") WHERE "waiting_list_entries"."left_at" is null;--> statement-breakpoint
CREATE INDEX "waiting_list_entries_open_idx" ON "waiting_list_entries" USING btree ("organisation_id","next_contact_due_on") WHERE "waiting_list_entries"."left_at" is null;--> statement-breakpoint
-- The wachtlijst (decision 017): case data of the VT organisation that owns the case, read and written only by it.
-- A partner that sees the case through a handover and a gemeente see none of it; no background role needs it.
ALTER TABLE waiting_list_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE waiting_list_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY waiting_list_entries_app ON waiting_list_entries TO ketenportaal_app
  USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
         AND case_id IN (SELECT id FROM cases WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid))
  WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
         AND case_id IN (SELECT id FROM cases WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON waiting_list_entries TO ketenportaal_app;
--> statement-breakpoint
ALTER TABLE waiting_list_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE waiting_list_contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY waiting_list_contacts_app ON waiting_list_contacts TO ketenportaal_app
  USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
         AND case_id IN (SELECT id FROM cases WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid))
  WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
         AND case_id IN (SELECT id FROM cases WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT ON waiting_list_contacts TO ketenportaal_app;
--> statement-breakpoint
ALTER TABLE case_change_signals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_change_signals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_change_signals_app ON case_change_signals TO ketenportaal_app
  USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
         AND case_id IN (SELECT id FROM cases WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid))
  WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
         AND case_id IN (SELECT id FROM cases WHERE organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT ON case_change_signals TO ketenportaal_app;
--> statement-breakpoint
-- Contact frequencies are the VT organisation's working agreement per region: only a VT organisation has them.
ALTER TABLE waiting_list_contact_frequencies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE waiting_list_contact_frequencies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY waiting_list_contact_frequencies_app ON waiting_list_contact_frequencies TO ketenportaal_app
  USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
         AND EXISTS (SELECT 1 FROM organisations o WHERE o.id = organisation_id AND o.kind = 'vt'))
  WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid
         AND EXISTS (SELECT 1 FROM organisations o WHERE o.id = organisation_id AND o.kind = 'vt'));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON waiting_list_contact_frequencies TO ketenportaal_app;
--> statement-breakpoint
-- kp_destroy_case deletes the case; the foreign keys cascade to the case's rows, and its role may delete them too.
GRANT SELECT, DELETE ON waiting_list_entries, waiting_list_contacts, case_change_signals TO ketenportaal_retention;
--> statement-breakpoint
CREATE POLICY waiting_list_entries_retention ON waiting_list_entries TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY waiting_list_contacts_retention ON waiting_list_contacts TO ketenportaal_retention USING (true);
--> statement-breakpoint
CREATE POLICY case_change_signals_retention ON case_change_signals TO ketenportaal_retention USING (true);
