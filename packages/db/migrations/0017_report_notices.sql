CREATE TABLE "report_notices" (
	"organisation_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_notices_organisation_id_period_from_pk" PRIMARY KEY("organisation_id","period_from")
);
--> statement-breakpoint
ALTER TABLE "report_notices" ADD CONSTRAINT "report_notices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The two-week report's "ready" notice per gemeente and period: the bridge (worker role) claims and writes the row
-- with the e-mails; in a request an organisation reads only its own notices, and nobody writes them.
ALTER TABLE report_notices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE report_notices FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY report_notices_worker ON report_notices TO ketenportaal_worker USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON report_notices TO ketenportaal_worker;
--> statement-breakpoint
CREATE POLICY report_notices_app_read ON report_notices FOR SELECT TO ketenportaal_app USING (organisation_id = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT ON report_notices TO ketenportaal_app;
