CREATE TYPE "public"."table_decision_kind" AS ENUM('handover', 'vv', 'vt_keeps', 'raad_request', 'postpone');--> statement-breakpoint
CREATE TYPE "public"."table_meeting_status" AS ENUM('planned', 'closed');--> statement-breakpoint
CREATE TYPE "public"."vv_condition_owner" AS ENUM('household', 'partner', 'vt');--> statement-breakpoint
CREATE TYPE "public"."vv_condition_status" AS ENUM('open', 'met', 'not_met', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."vv_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."vv_timeline_kind" AS ENUM('note', 'opened', 'condition_added', 'condition_changed', 'monitoring_scheduled', 'monitoring_recorded', 'closed');--> statement-breakpoint
CREATE TABLE "table_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"short_reason" text NOT NULL,
	"added_by_user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"postponed_from_item_id" uuid,
	"decision" "table_decision_kind",
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"receiving_organisation_id" uuid,
	"target_team_id" uuid,
	"accepted_by_user_id" uuid,
	"vt_worker_user_id" uuid,
	"partner_worker_user_id" uuid,
	"handover_id" uuid,
	"vv_trajectory_id" uuid,
	"postponed_to_meeting_id" uuid,
	CONSTRAINT "table_agenda_items_meeting_case" UNIQUE("meeting_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "table_meeting_participants" (
	"meeting_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "table_meeting_participants_meeting_id_organisation_id_pk" PRIMARY KEY("meeting_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "table_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"chair_user_id" uuid NOT NULL,
	"status" "table_meeting_status" DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "vv_condition_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"condition_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_status" "vv_condition_status",
	"to_status" "vv_condition_status" NOT NULL,
	"from_due_on" date,
	"to_due_on" date NOT NULL,
	"note" text,
	"author_user_id" uuid NOT NULL,
	"author_organisation_id" uuid NOT NULL,
	"monitoring_moment_id" uuid
);
--> statement-breakpoint
CREATE TABLE "vv_conditions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"text" text NOT NULL,
	"owner" "vv_condition_owner" NOT NULL,
	"due_on" date NOT NULL,
	"status" "vv_condition_status" DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vv_monitoring_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"moment_id" uuid NOT NULL,
	"condition_id" uuid NOT NULL,
	"status" "vv_condition_status" NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "vv_monitoring_moments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"scheduled_on" date NOT NULL,
	"attendee_user_ids" uuid[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"scheduled_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_at" timestamp with time zone,
	"recorded_by_user_id" uuid,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "vv_timeline_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" "vv_timeline_kind" NOT NULL,
	"text" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_organisation_id" uuid NOT NULL,
	"condition_id" uuid,
	"monitoring_moment_id" uuid
);
--> statement-breakpoint
CREATE TABLE "vv_trajectories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"vt_worker_user_id" uuid NOT NULL,
	"partner_organisation_id" uuid NOT NULL,
	"partner_worker_user_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"region_id" uuid NOT NULL,
	"status" "vv_status" DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"table_item_id" uuid,
	"opened_by_user_id" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_user_id" uuid,
	"outcome_code" text,
	"outcome_text" text,
	"follow_up_organisation_id" uuid,
	"follow_up_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "table_agenda_items" ADD CONSTRAINT "table_agenda_items_meeting_id_table_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."table_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_agenda_items" ADD CONSTRAINT "table_agenda_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_agenda_items" ADD CONSTRAINT "table_agenda_items_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_agenda_items" ADD CONSTRAINT "table_agenda_items_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_agenda_items" ADD CONSTRAINT "table_agenda_items_receiving_organisation_id_organisations_id_fk" FOREIGN KEY ("receiving_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_agenda_items" ADD CONSTRAINT "table_agenda_items_target_team_id_teams_id_fk" FOREIGN KEY ("target_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_agenda_items" ADD CONSTRAINT "table_agenda_items_accepted_by_user_id_users_id_fk" FOREIGN KEY ("accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_agenda_items" ADD CONSTRAINT "table_agenda_items_vt_worker_user_id_users_id_fk" FOREIGN KEY ("vt_worker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_agenda_items" ADD CONSTRAINT "table_agenda_items_partner_worker_user_id_users_id_fk" FOREIGN KEY ("partner_worker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_agenda_items" ADD CONSTRAINT "table_agenda_items_handover_id_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."handovers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_agenda_items" ADD CONSTRAINT "table_agenda_items_postponed_to_meeting_id_table_meetings_id_fk" FOREIGN KEY ("postponed_to_meeting_id") REFERENCES "public"."table_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_meeting_participants" ADD CONSTRAINT "table_meeting_participants_meeting_id_table_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."table_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_meeting_participants" ADD CONSTRAINT "table_meeting_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_meetings" ADD CONSTRAINT "table_meetings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_meetings" ADD CONSTRAINT "table_meetings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_meetings" ADD CONSTRAINT "table_meetings_chair_user_id_users_id_fk" FOREIGN KEY ("chair_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_meetings" ADD CONSTRAINT "table_meetings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_meetings" ADD CONSTRAINT "table_meetings_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_condition_history" ADD CONSTRAINT "vv_condition_history_condition_id_vv_conditions_id_fk" FOREIGN KEY ("condition_id") REFERENCES "public"."vv_conditions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_condition_history" ADD CONSTRAINT "vv_condition_history_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_condition_history" ADD CONSTRAINT "vv_condition_history_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_conditions" ADD CONSTRAINT "vv_conditions_trajectory_id_vv_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."vv_trajectories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_conditions" ADD CONSTRAINT "vv_conditions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_monitoring_assessments" ADD CONSTRAINT "vv_monitoring_assessments_moment_id_vv_monitoring_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."vv_monitoring_moments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_monitoring_assessments" ADD CONSTRAINT "vv_monitoring_assessments_condition_id_vv_conditions_id_fk" FOREIGN KEY ("condition_id") REFERENCES "public"."vv_conditions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_monitoring_moments" ADD CONSTRAINT "vv_monitoring_moments_trajectory_id_vv_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."vv_trajectories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_monitoring_moments" ADD CONSTRAINT "vv_monitoring_moments_scheduled_by_user_id_users_id_fk" FOREIGN KEY ("scheduled_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_monitoring_moments" ADD CONSTRAINT "vv_monitoring_moments_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_timeline_entries" ADD CONSTRAINT "vv_timeline_entries_trajectory_id_vv_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."vv_trajectories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_timeline_entries" ADD CONSTRAINT "vv_timeline_entries_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_timeline_entries" ADD CONSTRAINT "vv_timeline_entries_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_trajectories" ADD CONSTRAINT "vv_trajectories_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_trajectories" ADD CONSTRAINT "vv_trajectories_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_trajectories" ADD CONSTRAINT "vv_trajectories_vt_worker_user_id_users_id_fk" FOREIGN KEY ("vt_worker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_trajectories" ADD CONSTRAINT "vv_trajectories_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_trajectories" ADD CONSTRAINT "vv_trajectories_partner_worker_user_id_users_id_fk" FOREIGN KEY ("partner_worker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_trajectories" ADD CONSTRAINT "vv_trajectories_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_trajectories" ADD CONSTRAINT "vv_trajectories_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_trajectories" ADD CONSTRAINT "vv_trajectories_opened_by_user_id_users_id_fk" FOREIGN KEY ("opened_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_trajectories" ADD CONSTRAINT "vv_trajectories_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_trajectories" ADD CONSTRAINT "vv_trajectories_follow_up_organisation_id_organisations_id_fk" FOREIGN KEY ("follow_up_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vv_trajectories" ADD CONSTRAINT "vv_trajectories_follow_up_user_id_users_id_fk" FOREIGN KEY ("follow_up_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "table_agenda_items_meeting_idx" ON "table_agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "table_agenda_items_case_idx" ON "table_agenda_items" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "table_agenda_items_undecided_idx" ON "table_agenda_items" USING btree ("meeting_id") WHERE "table_agenda_items"."decision" is null;--> statement-breakpoint
CREATE INDEX "table_meeting_participants_organisation_idx" ON "table_meeting_participants" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "table_meetings_region_idx" ON "table_meetings" USING btree ("region_id","status","scheduled_at");--> statement-breakpoint
CREATE INDEX "table_meetings_organisation_idx" ON "table_meetings" USING btree ("organisation_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "vv_condition_history_condition_idx" ON "vv_condition_history" USING btree ("condition_id","id");--> statement-breakpoint
CREATE INDEX "vv_conditions_trajectory_idx" ON "vv_conditions" USING btree ("trajectory_id","created_at");--> statement-breakpoint
CREATE INDEX "vv_monitoring_assessments_moment_idx" ON "vv_monitoring_assessments" USING btree ("moment_id");--> statement-breakpoint
CREATE INDEX "vv_monitoring_moments_trajectory_idx" ON "vv_monitoring_moments" USING btree ("trajectory_id","scheduled_on");--> statement-breakpoint
CREATE INDEX "vv_timeline_entries_trajectory_idx" ON "vv_timeline_entries" USING btree ("trajectory_id","id");--> statement-breakpoint
CREATE INDEX "vv_trajectories_organisation_idx" ON "vv_trajectories" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "vv_trajectories_partner_idx" ON "vv_trajectories" USING btree ("partner_organisation_id","status");--> statement-breakpoint
CREATE INDEX "vv_trajectories_case_idx" ON "vv_trajectories" USING btree ("case_id");