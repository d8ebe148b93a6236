CREATE TABLE "accountability_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"step_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"center_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"user_id" uuid,
	"step_name" text,
	"recorded_on" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "anomalies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule" text NOT NULL,
	"subject" text NOT NULL,
	"center_id" uuid,
	"department_id" uuid,
	"case_id" uuid,
	"evidence" jsonb NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "ladder_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"light" text NOT NULL,
	"kind" text NOT NULL,
	"center_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"doc_no" text NOT NULL,
	"issued_on" date NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"snapshot" jsonb NOT NULL,
	"answer_due" date,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"answer" text,
	"escalated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scan_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"last_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_settings" (
	"center_id" uuid PRIMARY KEY NOT NULL,
	"yellow_share" double precision NOT NULL,
	"min_yellow_days" integer NOT NULL,
	"order_answer_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "accountability_records" ADD CONSTRAINT "accountability_records_step_id_ladder_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."ladder_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD CONSTRAINT "accountability_records_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD CONSTRAINT "accountability_records_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD CONSTRAINT "accountability_records_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD CONSTRAINT "accountability_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomalies" ADD CONSTRAINT "anomalies_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomalies" ADD CONSTRAINT "anomalies_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomalies" ADD CONSTRAINT "anomalies_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "anomalies" ADD CONSTRAINT "anomalies_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_steps" ADD CONSTRAINT "ladder_steps_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_steps" ADD CONSTRAINT "ladder_steps_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_steps" ADD CONSTRAINT "ladder_steps_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_steps" ADD CONSTRAINT "ladder_steps_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_settings" ADD CONSTRAINT "supervision_settings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_settings" ADD CONSTRAINT "supervision_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_step_idx" ON "accountability_records" USING btree ("step_id");--> statement-breakpoint
CREATE INDEX "accountability_dept_idx" ON "accountability_records" USING btree ("department_id","recorded_on");--> statement-breakpoint
CREATE UNIQUE INDEX "anomalies_rule_subject_idx" ON "anomalies" USING btree ("rule","subject");--> statement-breakpoint
CREATE INDEX "anomalies_center_idx" ON "anomalies" USING btree ("center_id","detected_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ladder_steps_case_light_idx" ON "ladder_steps" USING btree ("case_id","light");--> statement-breakpoint
CREATE INDEX "ladder_steps_center_idx" ON "ladder_steps" USING btree ("center_id","issued_on");--> statement-breakpoint
CREATE INDEX "ladder_steps_open_orders_idx" ON "ladder_steps" USING btree ("answer_due") WHERE "ladder_steps"."kind" = 'order' and "ladder_steps"."answered_at" is null and "ladder_steps"."escalated_at" is null;