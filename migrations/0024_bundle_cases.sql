CREATE TABLE "bundle_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bundle_no" text NOT NULL,
	"query_code" text NOT NULL,
	"center_id" uuid NOT NULL,
	"thing_id" uuid NOT NULL,
	"thing_code" text NOT NULL,
	"thing_version" integer NOT NULL,
	"thing_name" text NOT NULL,
	"lead_department_id" uuid NOT NULL,
	"state" text NOT NULL,
	"channel" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_number" text NOT NULL,
	"applicant_phone" text NOT NULL,
	"applicant_user_id" uuid,
	"submitted_by" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"form_data" jsonb NOT NULL,
	"materials" jsonb NOT NULL,
	"deliver_together" boolean DEFAULT true NOT NULL,
	"filed_on" date NOT NULL,
	"promised_working_days" integer NOT NULL,
	"sum_working_days" integer NOT NULL,
	"promised_due" date NOT NULL,
	"ended_on" date,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bundle_cases_bundle_no_unique" UNIQUE("bundle_no")
);
--> statement-breakpoint
CREATE TABLE "bundle_parts" (
	"bundle_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"item_name" text NOT NULL,
	"department_id" uuid NOT NULL,
	"waits_for" text[] NOT NULL,
	"state" text NOT NULL,
	"case_id" uuid,
	"started_on" date,
	"ended_on" date,
	CONSTRAINT "bundle_parts_bundle_id_item_code_pk" PRIMARY KEY("bundle_id","item_code"),
	CONSTRAINT "bundle_parts_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
ALTER TABLE "bundle_cases" ADD CONSTRAINT "bundle_cases_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_cases" ADD CONSTRAINT "bundle_cases_thing_id_things_id_fk" FOREIGN KEY ("thing_id") REFERENCES "public"."things"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_cases" ADD CONSTRAINT "bundle_cases_lead_department_id_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_parts" ADD CONSTRAINT "bundle_parts_bundle_id_bundle_cases_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundle_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_parts" ADD CONSTRAINT "bundle_parts_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_parts" ADD CONSTRAINT "bundle_parts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bundle_cases_center_idx" ON "bundle_cases" USING btree ("center_id","state");--> statement-breakpoint
CREATE INDEX "bundle_cases_applicant_idx" ON "bundle_cases" USING btree ("applicant_user_id");--> statement-breakpoint
CREATE INDEX "bundle_cases_thing_idx" ON "bundle_cases" USING btree ("thing_id");--> statement-breakpoint
CREATE INDEX "bundle_parts_case_idx" ON "bundle_parts" USING btree ("case_id");