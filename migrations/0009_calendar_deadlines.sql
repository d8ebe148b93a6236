CREATE TABLE "calendar_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"cursor" text,
	"examined" integer DEFAULT 0 NOT NULL,
	"moved" integer DEFAULT 0 NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendar_year_drafts" (
	"date" date PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"notice_ref" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "accept_by" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "received_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "owed_by" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "deem_on" date;--> statement-breakpoint
CREATE INDEX "calendar_changes_pending_idx" ON "calendar_changes" USING btree ("id") WHERE done_at is null;--> statement-breakpoint
CREATE INDEX "calendar_year_drafts_year_idx" ON "calendar_year_drafts" USING btree ("year");--> statement-breakpoint
CREATE INDEX "cases_window_end_idx" ON "cases" USING btree (greatest("promised_due", "statutory_due", "accept_by", "owed_by", "deem_on")) WHERE "cases"."active";--> statement-breakpoint
CREATE INDEX "cases_owed_by_idx" ON "cases" USING btree ("owed_by") WHERE "cases"."owed_by" is not null;--> statement-breakpoint
CREATE INDEX "cases_deem_on_idx" ON "cases" USING btree ("deem_on") WHERE "cases"."deem_on" is not null;