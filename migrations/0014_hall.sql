CREATE TABLE "hall_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"center_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"day" date NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"name" text NOT NULL,
	"id_number" text NOT NULL,
	"phone" text NOT NULL,
	"user_id" uuid,
	"status" text NOT NULL,
	"ticket_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hall_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"name" text NOT NULL,
	"item_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"slot_capacity" integer DEFAULT 4 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hall_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hall_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"center_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hall_service_days" (
	"center_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"sessions" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "hall_service_days_center_id_day_pk" PRIMARY KEY("center_id","day")
);
--> statement-breakpoint
CREATE TABLE "hall_settings" (
	"center_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hall_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"day" date NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"extended" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hall_ticket_counters" (
	"category_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "hall_ticket_counters_category_id_day_pk" PRIMARY KEY("category_id","day")
);
--> statement-breakpoint
CREATE TABLE "hall_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"taken_category_id" uuid NOT NULL,
	"day" date NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"state" text NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"priority_group" text,
	"channel" text NOT NULL,
	"id_number" text,
	"booking_id" uuid,
	"queued_at" timestamp with time zone NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"target_window_id" uuid,
	"window_id" uuid,
	"calls" integer DEFAULT 0 NOT NULL,
	"transfers" integer DEFAULT 0 NOT NULL,
	"first_called_at" timestamp with time zone,
	"called_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"served_by" uuid,
	"case_ids" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hall_window_categories" (
	"window_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	CONSTRAINT "hall_window_categories_window_id_category_id_pk" PRIMARY KEY("window_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "hall_window_state" (
	"window_id" uuid PRIMARY KEY NOT NULL,
	"center_id" uuid NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"pause_reason" text,
	"current_ticket_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hall_bookings" ADD CONSTRAINT "hall_bookings_category_id_hall_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."hall_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_bookings" ADD CONSTRAINT "hall_bookings_slot_id_hall_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."hall_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_categories" ADD CONSTRAINT "hall_categories_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_service_days" ADD CONSTRAINT "hall_service_days_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_settings" ADD CONSTRAINT "hall_settings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_slots" ADD CONSTRAINT "hall_slots_category_id_hall_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."hall_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_ticket_counters" ADD CONSTRAINT "hall_ticket_counters_category_id_hall_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."hall_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_tickets" ADD CONSTRAINT "hall_tickets_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_tickets" ADD CONSTRAINT "hall_tickets_category_id_hall_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."hall_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_window_categories" ADD CONSTRAINT "hall_window_categories_window_id_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_window_categories" ADD CONSTRAINT "hall_window_categories_category_id_hall_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."hall_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_window_state" ADD CONSTRAINT "hall_window_state_window_id_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_window_state" ADD CONSTRAINT "hall_window_state_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hall_bookings_code_uq" ON "hall_bookings" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "hall_bookings_person_uq" ON "hall_bookings" USING btree ("id_number","category_id","day") WHERE status in ('booked', 'checkedIn');--> statement-breakpoint
CREATE INDEX "hall_bookings_person_idx" ON "hall_bookings" USING btree ("id_number","day");--> statement-breakpoint
CREATE INDEX "hall_bookings_open_idx" ON "hall_bookings" USING btree ("day") WHERE status = 'booked';--> statement-breakpoint
CREATE UNIQUE INDEX "hall_categories_prefix_uq" ON "hall_categories" USING btree ("center_id","prefix");--> statement-breakpoint
CREATE INDEX "hall_events_center_idx" ON "hall_events" USING btree ("center_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "hall_slots_uq" ON "hall_slots" USING btree ("category_id","day","start");--> statement-breakpoint
CREATE UNIQUE INDEX "hall_tickets_number_uq" ON "hall_tickets" USING btree ("taken_category_id","day","seq");--> statement-breakpoint
CREATE INDEX "hall_tickets_waiting_idx" ON "hall_tickets" USING btree ("center_id","day","category_id","priority","queued_at") WHERE state = 'waiting';--> statement-breakpoint
CREATE INDEX "hall_tickets_center_day_idx" ON "hall_tickets" USING btree ("center_id","day");