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
CREATE INDEX "agency_cases_point_idx" ON "agency_cases" USING btree ("point_id","created_at");--> statement-breakpoint
CREATE INDEX "agency_cases_agent_idx" ON "agency_cases" USING btree ("agent_id","created_at");--> statement-breakpoint
CREATE INDEX "agency_consultations_point_idx" ON "agency_consultations" USING btree ("point_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_handovers_seq_idx" ON "agency_handovers" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_points_center_idx" ON "agency_points" USING btree ("center_id");