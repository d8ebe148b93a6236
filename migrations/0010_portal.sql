ALTER TABLE "service_items" ADD COLUMN "aliases" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "service_items" ADD COLUMN "keywords" text[] DEFAULT '{}'::text[] NOT NULL;