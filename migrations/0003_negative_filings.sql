CREATE TABLE "negative_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reasons" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"filed_by" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"redo_working_days" integer,
	"redo_due" date
);
--> statement-breakpoint
ALTER TABLE "negative_filings" ADD CONSTRAINT "negative_filings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "negative_filings" ADD CONSTRAINT "negative_filings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "negative_filings" ADD CONSTRAINT "negative_filings_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "negative_filings" ADD CONSTRAINT "negative_filings_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "negative_filings" ADD CONSTRAINT "negative_filings_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "negative_filings_queue_idx" ON "negative_filings" USING btree ("center_id","status","filed_at");--> statement-breakpoint
CREATE INDEX "negative_filings_case_idx" ON "negative_filings" USING btree ("case_id");