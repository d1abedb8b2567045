CREATE TYPE "public"."webhook_delivery_status" AS ENUM('pending', 'delivered', 'failed');--> statement-breakpoint
CREATE TYPE "public"."webhook_subscription_status" AS ENUM('pending_handshake', 'active', 'suspended');--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"outbox_event_id" uuid NOT NULL,
	"outbox_position" bigint NOT NULL,
	"status" "webhook_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"callback_url" text NOT NULL,
	"authorization" text,
	"signing_secret" text NOT NULL,
	"event_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"municipality_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"team_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"contact_email" text NOT NULL,
	"status" "webhook_subscription_status" DEFAULT 'pending_handshake' NOT NULL,
	"activated_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone,
	"suspended_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_by_service_account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "webhooks_fanned_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_outbox_event_id_outbox_id_fk" FOREIGN KEY ("outbox_event_id") REFERENCES "public"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_subscription_event_idx" ON "webhook_deliveries" USING btree ("subscription_id","outbox_event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries" USING btree ("subscription_id","outbox_position") WHERE "webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_failed_idx" ON "webhook_deliveries" USING btree ("failed_at") WHERE "webhook_deliveries"."status" = 'failed';--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_organisation_idx" ON "webhook_subscriptions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "outbox_webhooks_pending_idx" ON "outbox" USING btree ("position") WHERE "outbox"."webhooks_fanned_out_at" is null;--> statement-breakpoint
-- Events committed before webhooks existed are not fanned out (there was nobody to deliver them to). A data change
-- under forced row-level security: as the worker role (decision 007).
SET ROLE ketenportaal_worker;
--> statement-breakpoint
UPDATE outbox SET webhooks_fanned_out_at = created_at WHERE webhooks_fanned_out_at IS NULL;
--> statement-breakpoint
RESET ROLE;
--> statement-breakpoint
-- Row-level security (decision 007; docs/decisions/*-webhook-subscriptions.md): a partner organisation sees and manages its own abonnementen and
-- their deliveries; the functioneel beheerder sees every organisation's and may re-send a parked delivery. The
-- credentials we send and the signing secret are never granted to a request for reading.
ALTER TABLE webhook_subscriptions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE webhook_subscriptions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY webhook_subscriptions_worker ON webhook_subscriptions TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY webhook_deliveries_worker ON webhook_deliveries TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON webhook_subscriptions, webhook_deliveries TO ketenportaal_worker;
--> statement-breakpoint
CREATE POLICY webhook_subscriptions_app ON webhook_subscriptions TO ketenportaal_app USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin')) WITH CHECK (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin'));
--> statement-breakpoint
GRANT SELECT (id, organisation_id, callback_url, event_types, municipality_codes, team_ids, contact_email, status, activated_at, consecutive_failures, last_failure_at, suspended_at, created_by_user_id, created_by_service_account_id, created_at, updated_at, deleted_at) ON webhook_subscriptions TO ketenportaal_app;
--> statement-breakpoint
GRANT INSERT (id, organisation_id, callback_url, "authorization", signing_secret, event_types, municipality_codes, team_ids, contact_email, status, activated_at, created_by_user_id, created_by_service_account_id, created_at, updated_at) ON webhook_subscriptions TO ketenportaal_app;
--> statement-breakpoint
GRANT UPDATE (status, consecutive_failures, suspended_at, updated_at, deleted_at) ON webhook_subscriptions TO ketenportaal_app;
--> statement-breakpoint
CREATE POLICY webhook_deliveries_app_read ON webhook_deliveries FOR SELECT TO ketenportaal_app USING (EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.id = subscription_id));
--> statement-breakpoint
CREATE POLICY webhook_deliveries_app_admin_resend ON webhook_deliveries FOR UPDATE TO ketenportaal_app USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin')) WITH CHECK (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid AND m.organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid AND m.role = 'functional_admin'));
--> statement-breakpoint
GRANT SELECT ON webhook_deliveries TO ketenportaal_app;
--> statement-breakpoint
GRANT UPDATE (status, attempts, next_attempt_at, failed_at) ON webhook_deliveries TO ketenportaal_app;
