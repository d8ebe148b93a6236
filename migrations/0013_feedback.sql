CREATE TABLE "feedback_complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"no" text NOT NULL,
	"center_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"external_ref" text,
	"category" text NOT NULL,
	"complainant_name" text NOT NULL,
	"complainant_phone" text NOT NULL,
	"complainant_user_id" uuid,
	"content" text NOT NULL,
	"case_id" uuid,
	"department_id" uuid,
	"staff_id" uuid,
	"state" text NOT NULL,
	"received_on" date NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_by" uuid,
	"accepted_on" date,
	"due" date,
	"extended" boolean DEFAULT false NOT NULL,
	"extension_reason" text,
	"handler_department_id" uuid,
	"handler_user_id" uuid,
	"hand_overs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exclusion" jsonb,
	"result" jsonb,
	"escalated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"grade" integer NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"channel" text NOT NULL,
	"center_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"window_id" uuid,
	"staff_id" uuid,
	"rater_user_id" uuid,
	"state" text NOT NULL,
	"rated_on" date NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	"verification" jsonb,
	"rectify_due" date,
	"rectify_yellow_on" date,
	"rectification" jsonb,
	"return_visit" jsonb,
	"urged_at" timestamp with time zone,
	"ordered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_keys" (
	"name" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_settings" (
	"center_id" uuid PRIMARY KEY NOT NULL,
	"invite_after_days" integer NOT NULL,
	"link_valid_days" integer NOT NULL,
	"rectify_days" integer NOT NULL,
	"complaint_days" integer NOT NULL,
	"complaint_max_days" integer NOT NULL,
	"acceptance_rating" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_first_asks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"asker_name" text NOT NULL,
	"asker_phone" text DEFAULT '' NOT NULL,
	"matter" text NOT NULL,
	"outcome" text NOT NULL,
	"to_window_id" uuid,
	"to_department_id" uuid,
	"to_unit" text,
	"guidance" text,
	"asked_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "feedback_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "feedback_praise" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"window_id" uuid,
	"user_id" uuid,
	"department_id" uuid,
	"from_name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"received_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accountability_records" ALTER COLUMN "step_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "accountability_records" ALTER COLUMN "case_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD COLUMN "complaint_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback_complaints" ADD CONSTRAINT "feedback_complaints_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_complaints" ADD CONSTRAINT "feedback_complaints_complainant_user_id_users_id_fk" FOREIGN KEY ("complainant_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_complaints" ADD CONSTRAINT "feedback_complaints_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_complaints" ADD CONSTRAINT "feedback_complaints_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_complaints" ADD CONSTRAINT "feedback_complaints_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_complaints" ADD CONSTRAINT "feedback_complaints_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_complaints" ADD CONSTRAINT "feedback_complaints_handler_department_id_departments_id_fk" FOREIGN KEY ("handler_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_complaints" ADD CONSTRAINT "feedback_complaints_handler_user_id_users_id_fk" FOREIGN KEY ("handler_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_evaluations" ADD CONSTRAINT "feedback_evaluations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_evaluations" ADD CONSTRAINT "feedback_evaluations_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_evaluations" ADD CONSTRAINT "feedback_evaluations_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_evaluations" ADD CONSTRAINT "feedback_evaluations_window_id_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_evaluations" ADD CONSTRAINT "feedback_evaluations_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_evaluations" ADD CONSTRAINT "feedback_evaluations_rater_user_id_users_id_fk" FOREIGN KEY ("rater_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_settings" ADD CONSTRAINT "feedback_settings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_first_asks" ADD CONSTRAINT "feedback_first_asks_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_first_asks" ADD CONSTRAINT "feedback_first_asks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_first_asks" ADD CONSTRAINT "feedback_first_asks_to_window_id_windows_id_fk" FOREIGN KEY ("to_window_id") REFERENCES "public"."windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_first_asks" ADD CONSTRAINT "feedback_first_asks_to_department_id_departments_id_fk" FOREIGN KEY ("to_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_invitations" ADD CONSTRAINT "feedback_invitations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_praise" ADD CONSTRAINT "feedback_praise_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_praise" ADD CONSTRAINT "feedback_praise_window_id_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_praise" ADD CONSTRAINT "feedback_praise_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_praise" ADD CONSTRAINT "feedback_praise_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_praise" ADD CONSTRAINT "feedback_praise_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_complaints_no_idx" ON "feedback_complaints" USING btree ("no");--> statement-breakpoint
CREATE INDEX "feedback_complaints_center_idx" ON "feedback_complaints" USING btree ("center_id","received_on");--> statement-breakpoint
CREATE INDEX "feedback_complaints_open_idx" ON "feedback_complaints" USING btree ("due") WHERE "feedback_complaints"."state" = 'handling';--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_evaluations_case_stage_idx" ON "feedback_evaluations" USING btree ("case_id","stage");--> statement-breakpoint
CREATE INDEX "feedback_evaluations_center_idx" ON "feedback_evaluations" USING btree ("center_id","rated_on");--> statement-breakpoint
CREATE INDEX "feedback_evaluations_dept_idx" ON "feedback_evaluations" USING btree ("department_id","state");--> statement-breakpoint
CREATE INDEX "feedback_evaluations_rectifying_idx" ON "feedback_evaluations" USING btree ("rectify_due") WHERE "feedback_evaluations"."state" = 'rectifying';--> statement-breakpoint
CREATE INDEX "feedback_first_asks_center_idx" ON "feedback_first_asks" USING btree ("center_id","asked_at");--> statement-breakpoint
CREATE INDEX "feedback_first_asks_owner_idx" ON "feedback_first_asks" USING btree ("owner_id","outcome");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_invitations_case_stage_idx" ON "feedback_invitations" USING btree ("case_id","stage");--> statement-breakpoint
CREATE INDEX "feedback_praise_center_idx" ON "feedback_praise" USING btree ("center_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "accountability_complaint_idx" ON "accountability_records" USING btree ("complaint_id");