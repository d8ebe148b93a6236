CREATE TABLE "party_attendance" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"expected" boolean NOT NULL,
	"voting" boolean NOT NULL,
	"absence_reason" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"content" text NOT NULL,
	"internal_on" date,
	"internal_form" text DEFAULT '' NOT NULL,
	"public_on" date,
	"public_form" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_dues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"period" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"paid_on" date NOT NULL,
	"receipt_no" text NOT NULL,
	"deposited_on" date,
	"bank_slip_no" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_elections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"seats" integer NOT NULL,
	"voters" integer NOT NULL,
	"ballots" integer NOT NULL,
	"candidates" jsonb NOT NULL,
	"elected" jsonb NOT NULL,
	"valid" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"branch_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"roster_size" integer NOT NULL,
	"submitted_on" date,
	"late" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_grades" (
	"evaluation_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"scheduled_on" date NOT NULL,
	"held_on" date,
	"place" text DEFAULT '' NOT NULL,
	"chair" text DEFAULT '' NOT NULL,
	"recorder" text DEFAULT '' NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"personnel" boolean DEFAULT false NOT NULL,
	"expected" integer,
	"present" integer,
	"quorum_ok" boolean,
	"quorum_checks" jsonb,
	"resolutions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_member_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"on" date NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"branch_id" uuid NOT NULL,
	"group_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_on" date,
	"phone" text,
	"post" text DEFAULT '' NOT NULL,
	"deputy_division" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"applied_on" date,
	"activist_on" date,
	"target_on" date,
	"probation_on" date,
	"full_on" date,
	"extension_months" integer,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"introducers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exams" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"trainings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_step_on" date,
	"on_roll_since" date,
	"transferred_in_on" date,
	"transferred_in_from" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_officers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date
);
--> statement-breakpoint
CREATE TABLE "party_orgs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"established_on" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_reminder_log" (
	"key" text PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"election_id" uuid
);
--> statement-breakpoint
ALTER TABLE "party_attendance" ADD CONSTRAINT "party_attendance_meeting_id_party_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."party_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_attendance" ADD CONSTRAINT "party_attendance_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_disclosures" ADD CONSTRAINT "party_disclosures_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_disclosures" ADD CONSTRAINT "party_disclosures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_dues" ADD CONSTRAINT "party_dues_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_dues" ADD CONSTRAINT "party_dues_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_elections" ADD CONSTRAINT "party_elections_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_elections" ADD CONSTRAINT "party_elections_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_evaluations" ADD CONSTRAINT "party_evaluations_branch_id_party_orgs_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_grades" ADD CONSTRAINT "party_grades_evaluation_id_party_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."party_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_grades" ADD CONSTRAINT "party_grades_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_meetings" ADD CONSTRAINT "party_meetings_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_meetings" ADD CONSTRAINT "party_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_member_events" ADD CONSTRAINT "party_member_events_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_member_events" ADD CONSTRAINT "party_member_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_branch_id_party_orgs_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_group_id_party_orgs_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_officers" ADD CONSTRAINT "party_officers_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_officers" ADD CONSTRAINT "party_officers_member_id_party_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD CONSTRAINT "party_orgs_parent_id_party_orgs_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_terms" ADD CONSTRAINT "party_terms_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "party_attendance_pk" ON "party_attendance" USING btree ("meeting_id","member_id");--> statement-breakpoint
CREATE INDEX "party_attendance_member_idx" ON "party_attendance" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "party_disclosures_org_idx" ON "party_disclosures" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_dues_member_period_idx" ON "party_dues" USING btree ("member_id","period");--> statement-breakpoint
CREATE INDEX "party_elections_org_idx" ON "party_elections" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "party_evaluations_branch_year_idx" ON "party_evaluations" USING btree ("branch_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "party_grades_pk" ON "party_grades" USING btree ("evaluation_id","member_id");--> statement-breakpoint
CREATE INDEX "party_meetings_org_idx" ON "party_meetings" USING btree ("org_id","kind","held_on");--> statement-breakpoint
CREATE INDEX "party_member_events_member_idx" ON "party_member_events" USING btree ("member_id","on");--> statement-breakpoint
CREATE INDEX "party_members_branch_idx" ON "party_members" USING btree ("branch_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "party_members_user_idx" ON "party_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "party_officers_org_idx" ON "party_officers" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "party_officers_member_idx" ON "party_officers" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "party_orgs_center_idx" ON "party_orgs" USING btree ("center_id","kind");--> statement-breakpoint
CREATE INDEX "party_terms_org_idx" ON "party_terms" USING btree ("org_id","start_on");