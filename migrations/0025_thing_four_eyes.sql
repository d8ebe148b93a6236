ALTER TABLE "thing_versions" ADD COLUMN "edited_by" uuid;--> statement-breakpoint
ALTER TABLE "thing_versions" ADD COLUMN "submitted_by" uuid;--> statement-breakpoint
ALTER TABLE "thing_versions" ADD COLUMN "published_by" uuid;