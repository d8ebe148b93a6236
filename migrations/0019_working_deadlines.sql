CREATE TABLE "deadline_moves" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"row_id" uuid NOT NULL,
	"change_id" bigint NOT NULL,
	"from_due" date NOT NULL,
	"to_due" date NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_deadlines" (
	"kind" text NOT NULL,
	"row_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"start_on" date NOT NULL,
	"working_days" integer NOT NULL,
	"due" date NOT NULL,
	CONSTRAINT "working_deadlines_kind_row_id_pk" PRIMARY KEY("kind","row_id")
);
--> statement-breakpoint
ALTER TABLE "calendar_changes" ADD COLUMN "deadlines_cursor" text;--> statement-breakpoint
ALTER TABLE "calendar_changes" ADD COLUMN "deadlines_moved" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_changes" ADD COLUMN "deadlines_done_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "deadline_moves_row_idx" ON "deadline_moves" USING btree ("kind","row_id");--> statement-breakpoint
CREATE INDEX "working_deadlines_due_idx" ON "working_deadlines" USING btree ("due");--> statement-breakpoint
CREATE INDEX "calendar_changes_deadlines_pending_idx" ON "calendar_changes" USING btree ("id") WHERE deadlines_done_at is null;--> statement-breakpoint
-- hand-written: changes worked off before this table existed have nothing left to move here.
UPDATE "calendar_changes" SET "deadlines_done_at" = "done_at" WHERE "done_at" IS NOT NULL;
