ALTER TABLE "cases" ADD COLUMN "co_applicants" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_co_applicants_idx" ON "cases" USING gin ("co_applicants" jsonb_path_ops);