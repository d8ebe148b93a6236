CREATE TABLE "agency_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"point_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"point_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"resident_name" text NOT NULL,
	"resident_phone" text DEFAULT '' NOT NULL,
	"item_code" text,
	"item_name" text DEFAULT '' NOT NULL,
	"question" text NOT NULL,
	"advice" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"stage" text NOT NULL,
	"giver_name" text NOT NULL,
	"giver_role" text NOT NULL,
	"taker_name" text NOT NULL,
	"taker_role" text NOT NULL,
	"items" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"document_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"handover_center_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_meetings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"agenda" text NOT NULL,
	"invitees" jsonb NOT NULL,
	"called_by" uuid NOT NULL,
	"called_at" timestamp with time zone NOT NULL,
	"held" boolean DEFAULT false NOT NULL,
	"attended" jsonb,
	"minutes" text,
	"opinions" jsonb,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	"task" text NOT NULL,
	"sub_limit_working_days" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	"key_project" boolean DEFAULT false NOT NULL,
	"sub_due" date,
	"yellow_on" date,
	"deem_on" date,
	"assignee_id" uuid,
	"opinion" text,
	"opinion_text" text,
	"opinion_files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answered_on" date,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"deemed_on" date,
	"escalated_on" date
);
--> statement-breakpoint
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
DROP INDEX "cases_dept_due_idx";--> statement-breakpoint
DROP INDEX "cases_center_due_idx";--> statement-breakpoint
DROP INDEX "cases_assignee_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "window_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "green_coordinator_id" uuid;--> statement-breakpoint
ALTER TABLE "agency_cases" ADD CONSTRAINT "agency_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_cases" ADD CONSTRAINT "agency_cases_point_id_agency_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."agency_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_cases" ADD CONSTRAINT "agency_cases_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_consultations" ADD CONSTRAINT "agency_consultations_point_id_agency_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."agency_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_consultations" ADD CONSTRAINT "agency_consultations_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_handovers" ADD CONSTRAINT "agency_handovers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_handovers" ADD CONSTRAINT "agency_handovers_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_handovers" ADD CONSTRAINT "agency_handovers_document_id_case_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."case_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_points" ADD CONSTRAINT "agency_points_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_points" ADD CONSTRAINT "agency_points_handover_center_id_centers_id_fk" FOREIGN KEY ("handover_center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_meetings" ADD CONSTRAINT "case_meetings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_meetings" ADD CONSTRAINT "case_meetings_called_by_users_id_fk" FOREIGN KEY ("called_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_meetings" ADD CONSTRAINT "case_meetings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_participants" ADD CONSTRAINT "case_participants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_participants" ADD CONSTRAINT "case_participants_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_participants" ADD CONSTRAINT "case_participants_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_participants" ADD CONSTRAINT "case_participants_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_participants" ADD CONSTRAINT "case_participants_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "agency_cases_point_idx" ON "agency_cases" USING btree ("point_id","created_at");--> statement-breakpoint
CREATE INDEX "agency_cases_agent_idx" ON "agency_cases" USING btree ("agent_id","created_at");--> statement-breakpoint
CREATE INDEX "agency_consultations_point_idx" ON "agency_consultations" USING btree ("point_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_handovers_seq_idx" ON "agency_handovers" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_points_center_idx" ON "agency_points" USING btree ("center_id");--> statement-breakpoint
CREATE INDEX "case_meetings_case_idx" ON "case_meetings" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_participants_case_dept_idx" ON "case_participants" USING btree ("case_id","department_id");--> statement-breakpoint
CREATE INDEX "case_participants_dept_idx" ON "case_participants" USING btree ("department_id","open",(not "key_project"),coalesce("sub_due", '9999-12-31'::date),"case_id");--> statement-breakpoint
CREATE INDEX "case_participants_assignee_idx" ON "case_participants" USING btree ("assignee_id","open");--> statement-breakpoint
CREATE INDEX "case_participants_files_idx" ON "case_participants" USING gin ("opinion_files");--> statement-breakpoint
CREATE INDEX "case_participants_deem_idx" ON "case_participants" USING btree ("deem_on") WHERE "case_participants"."status" = 'pending' and "case_participants"."open";--> statement-breakpoint
CREATE INDEX "stats_daily_center_day_idx" ON "stats_daily" USING btree ("center_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_step_idx" ON "accountability_records" USING btree ("step_id");--> statement-breakpoint
CREATE INDEX "accountability_dept_idx" ON "accountability_records" USING btree ("department_id","recorded_on");--> statement-breakpoint
CREATE UNIQUE INDEX "anomalies_rule_subject_idx" ON "anomalies" USING btree ("rule","subject");--> statement-breakpoint
CREATE INDEX "anomalies_center_idx" ON "anomalies" USING btree ("center_id","detected_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ladder_steps_case_light_idx" ON "ladder_steps" USING btree ("case_id","light");--> statement-breakpoint
CREATE INDEX "ladder_steps_center_idx" ON "ladder_steps" USING btree ("center_id","issued_on");--> statement-breakpoint
CREATE INDEX "ladder_steps_open_orders_idx" ON "ladder_steps" USING btree ("answer_due") WHERE "ladder_steps"."kind" = 'order' and "ladder_steps"."answered_at" is null and "ladder_steps"."escalated_at" is null;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_window_id_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_green_coordinator_id_users_id_fk" FOREIGN KEY ("green_coordinator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_dept_due_idx" ON "cases" USING btree ("department_id","active",(not "key_project"),coalesce("promised_due", '9999-12-31'::date),"id","statutory_due","yellow_on","state");--> statement-breakpoint
CREATE INDEX "cases_center_due_idx" ON "cases" USING btree ("center_id","active",(not "key_project"),coalesce("promised_due", '9999-12-31'::date),"id","statutory_due","yellow_on","state");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assignee_id","active",(not "key_project"),coalesce("promised_due", '9999-12-31'::date),"id","statutory_due","yellow_on","state");