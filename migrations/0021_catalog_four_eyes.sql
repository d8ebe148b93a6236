CREATE TABLE "catalog_settings" (
	"center_id" uuid PRIMARY KEY NOT NULL,
	"second_reviewer" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "service_item_versions" ADD COLUMN "edited_by" uuid;--> statement-breakpoint
ALTER TABLE "service_item_versions" ADD COLUMN "submitted_by" uuid;--> statement-breakpoint
ALTER TABLE "service_item_versions" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "catalog_settings" ADD CONSTRAINT "catalog_settings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;