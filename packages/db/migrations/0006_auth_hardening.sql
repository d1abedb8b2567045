CREATE TABLE "login_failures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_key" text NOT NULL,
	"client_address" text,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mfa_credentials" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"totp_secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"last_time_step" bigint
);
--> statement-breakpoint
CREATE TABLE "mfa_recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "mfa_recovery_codes_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "mfa_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "mfa_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "method" text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE "mfa_credentials" ADD CONSTRAINT "mfa_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_recovery_codes" ADD CONSTRAINT "mfa_recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_failures_account_idx" ON "login_failures" USING btree ("account_key","failed_at");--> statement-breakpoint
CREATE INDEX "login_failures_address_idx" ON "login_failures" USING btree ("client_address","failed_at");--> statement-breakpoint
CREATE INDEX "mfa_recovery_codes_user_idx" ON "mfa_recovery_codes" USING btree ("user_id");--> statement-breakpoint
-- Row-level security (decision 007) for the authentication tables. TOTP secrets, recovery code hashes and failed
-- login attempts belong to no organisation and are needed only while finding out who calls: only the
-- authentication role (withAuthentication) reads and writes them. Requests (ketenportaal_app) and background work
-- (ketenportaal_worker) get neither a grant nor a policy, so they see no row.
ALTER TABLE mfa_credentials ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mfa_credentials FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mfa_recovery_codes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mfa_recovery_codes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE login_failures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE login_failures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mfa_credentials_auth ON mfa_credentials TO ketenportaal_auth USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY mfa_recovery_codes_auth ON mfa_recovery_codes TO ketenportaal_auth USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY login_failures_auth ON login_failures TO ketenportaal_auth USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON mfa_credentials TO ketenportaal_auth;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON mfa_recovery_codes TO ketenportaal_auth;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON login_failures TO ketenportaal_auth;
