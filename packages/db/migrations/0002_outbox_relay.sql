DROP INDEX "outbox_unpublished_idx";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "position" bigserial NOT NULL;--> statement-breakpoint
-- Defaults only to fill rows written before this migration; new rows always name them.
ALTER TABLE "outbox" ADD COLUMN "sequence" integer NOT NULL DEFAULT 1;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "sequence" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "source" text NOT NULL DEFAULT 'urn:nld:ketenportaal';--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "source" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "topic" text NOT NULL DEFAULT 'ketenportaal.handovers.local-teams';--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "topic" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "outbox" USING btree ("position") WHERE "outbox"."published_at" is null;
