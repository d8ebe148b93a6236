CREATE TABLE "case_light_queue" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"next_change_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ladder_steps" DROP CONSTRAINT "ladder_steps_center_id_centers_id_fk";
--> statement-breakpoint
ALTER TABLE "ladder_steps" DROP CONSTRAINT "ladder_steps_department_id_departments_id_fk";
--> statement-breakpoint
DROP INDEX "cases_next_change_idx";--> statement-breakpoint
ALTER TABLE "case_light_queue" ADD CONSTRAINT "case_light_queue_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_light_queue_next_idx" ON "case_light_queue" USING btree ("next_change_on");--> statement-breakpoint
-- Existing open cases keep their next light change: copied before the column goes.
INSERT INTO "case_light_queue" ("case_id", "next_change_on") SELECT "id", "next_change_on" FROM "cases" WHERE "next_change_on" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "next_change_on";