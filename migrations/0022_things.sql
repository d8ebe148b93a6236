CREATE TABLE "thing_versions" (
	"thing_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"published_at" timestamp with time zone,
	CONSTRAINT "thing_versions_thing_id_version_pk" PRIMARY KEY("thing_id","version")
);
--> statement-breakpoint
CREATE TABLE "things" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"code" text NOT NULL,
	"lead_department_id" uuid NOT NULL,
	"status" text NOT NULL,
	"availability" text DEFAULT 'active' NOT NULL,
	"latest_version" integer NOT NULL,
	"published_version" integer,
	"name" text NOT NULL,
	"life_event" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "things_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "thing_versions" ADD CONSTRAINT "thing_versions_thing_id_things_id_fk" FOREIGN KEY ("thing_id") REFERENCES "public"."things"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "things" ADD CONSTRAINT "things_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "things" ADD CONSTRAINT "things_lead_department_id_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "things_center_idx" ON "things" USING btree ("center_id");--> statement-breakpoint
CREATE INDEX "things_lead_idx" ON "things" USING btree ("lead_department_id");