CREATE TYPE "public"."case_priority" AS ENUM('acute', 'high', 'normal', 'low');--> statement-breakpoint
CREATE TYPE "public"."handover_status" AS ENUM('draft', 'offered', 'accepted', 'started', 'completed', 'declined', 'withdrawn', 'returned');--> statement-breakpoint
CREATE TYPE "public"."involved_person_role" AS ENUM('child', 'parent', 'partner', 'elder', 'other');--> statement-breakpoint
CREATE TYPE "public"."spoken_status" AS ENUM('spoken', 'not_spoken');--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"municipality_code" text NOT NULL,
	"priority" "case_priority" DEFAULT 'normal' NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"safety_assessment_due_on" date NOT NULL,
	"safety_assessment_completed_at" timestamp with time zone,
	"conclusion" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cases_organisation_reference" UNIQUE("organisation_id","reference")
);
--> statement-breakpoint
CREATE TABLE "involved_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"role" "involved_person_role" NOT NULL,
	"name" text NOT NULL,
	"birth_year" integer,
	"spoken_status" "spoken_status",
	"not_spoken_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "involved_persons_case_position" UNIQUE("case_id","position"),
	CONSTRAINT "involved_persons_birth_year" CHECK ("involved_persons"."birth_year" is null or "involved_persons"."birth_year" between 1900 and 2100)
);
--> statement-breakpoint
CREATE TABLE "handover_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"handover_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"from_status" "handover_status",
	"to_status" "handover_status" NOT NULL,
	"actor_user_id" uuid,
	"actor_service_account_id" uuid,
	"actor_organisation_id" uuid,
	"reason" text,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"offering_user_id" uuid NOT NULL,
	"target_organisation_id" uuid NOT NULL,
	"target_team_id" uuid NOT NULL,
	"assigned_user_id" uuid,
	"municipality_code" text NOT NULL,
	"region_id" uuid NOT NULL,
	"status" "handover_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"concerns" text,
	"safety_conditions" text,
	"household_view" text,
	"vt_contact_user_id" uuid,
	"vt_joins_first_visit" boolean,
	"offered_at" timestamp with time zone,
	"acceptance_due_on" date,
	"accepted_at" timestamp with time zone,
	"first_contact_due_on" date,
	"first_contact_on" date,
	"closed_at" timestamp with time zone,
	"decline_reason_code" text,
	"decline_reason_text" text,
	"return_reason_text" text,
	"outcome_code" text,
	"outcome_referred_to" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadline_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"handover_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_alerts_once" UNIQUE("handover_id","kind","due_on")
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"template" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"body_html" text NOT NULL,
	"handover_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"handover_id" uuid,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "acceptance_deadline_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "first_contact_deadline_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "involved_persons" ADD CONSTRAINT "involved_persons_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_history" ADD CONSTRAINT "handover_history_handover_id_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."handovers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_history" ADD CONSTRAINT "handover_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_history" ADD CONSTRAINT "handover_history_actor_service_account_id_service_accounts_id_fk" FOREIGN KEY ("actor_service_account_id") REFERENCES "public"."service_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_history" ADD CONSTRAINT "handover_history_actor_organisation_id_organisations_id_fk" FOREIGN KEY ("actor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_offering_user_id_users_id_fk" FOREIGN KEY ("offering_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_target_organisation_id_organisations_id_fk" FOREIGN KEY ("target_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_target_team_id_teams_id_fk" FOREIGN KEY ("target_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_assigned_user_id_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_vt_contact_user_id_users_id_fk" FOREIGN KEY ("vt_contact_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_alerts" ADD CONSTRAINT "deadline_alerts_handover_id_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."handovers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_handover_id_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."handovers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_handover_id_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."handovers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_municipality_idx" ON "cases" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "involved_persons_case_idx" ON "involved_persons" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "handover_history_handover_idx" ON "handover_history" USING btree ("handover_id","id");--> statement-breakpoint
CREATE INDEX "handovers_inbox_idx" ON "handovers" USING btree ("target_team_id","acceptance_due_on","id") WHERE "handovers"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "handovers_target_org_idx" ON "handovers" USING btree ("target_organisation_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "handovers_org_idx" ON "handovers" USING btree ("organisation_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "handovers_region_idx" ON "handovers" USING btree ("region_id","status");--> statement-breakpoint
CREATE INDEX "handovers_case_idx" ON "handovers" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_unsent_idx" ON "mail_outbox" USING btree ("created_at") WHERE "mail_outbox"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("recipient_user_id","created_at") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_user_id","created_at");