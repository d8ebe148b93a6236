CREATE TABLE "stats_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"window_id" uuid,
	"received_on" date NOT NULL,
	"supplement_on" date,
	"accepted_on" date,
	"refused_on" date,
	"completed_on" date,
	"on_time" boolean DEFAULT false NOT NULL,
	"first_time" boolean DEFAULT false NOT NULL,
	"working_days_used" integer DEFAULT 0 NOT NULL,
	"exit_on" date
);
--> statement-breakpoint
CREATE TABLE "stats_daily" (
	"day" date NOT NULL,
	"center_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"window_id" uuid,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"supplement_notified" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"first_time" integer DEFAULT 0 NOT NULL,
	"working_days_used" integer DEFAULT 0 NOT NULL,
	"exits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_daily_key" UNIQUE NULLS NOT DISTINCT("day","center_id","department_id","window_id","item_id","kind","channel")
);
--> statement-breakpoint
CREATE TABLE "stats_open" (
	"center_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"window_id" uuid,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_open_key" UNIQUE NULLS NOT DISTINCT("center_id","department_id","window_id","item_id","kind","channel")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "window_id" uuid;--> statement-breakpoint
ALTER TABLE "stats_cases" ADD CONSTRAINT "stats_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_cases" ADD CONSTRAINT "stats_cases_window_id_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_daily" ADD CONSTRAINT "stats_daily_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_daily" ADD CONSTRAINT "stats_daily_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_daily" ADD CONSTRAINT "stats_daily_window_id_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_daily" ADD CONSTRAINT "stats_daily_item_id_service_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."service_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_open" ADD CONSTRAINT "stats_open_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_open" ADD CONSTRAINT "stats_open_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_open" ADD CONSTRAINT "stats_open_window_id_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_open" ADD CONSTRAINT "stats_open_item_id_service_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."service_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stats_daily_center_day_idx" ON "stats_daily" USING btree ("center_id","day");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_window_id_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."windows"("id") ON DELETE no action ON UPDATE no action;