CREATE TABLE "outbox_rate" (
	"channel" text PRIMARY KEY NOT NULL,
	"second" timestamp with time zone NOT NULL,
	"granted" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "claimed_until" timestamp with time zone;