CREATE TABLE "licences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"licence_no" text NOT NULL,
	"verify_code" text NOT NULL,
	"type" text NOT NULL,
	"case_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"holder_kind" text NOT NULL,
	"holder_name" text NOT NULL,
	"holder_id_number" text NOT NULL,
	"holder_user_id" uuid,
	"issued_on" date NOT NULL,
	"valid_until" date,
	"record" jsonb NOT NULL,
	"digest" text NOT NULL,
	"signature" text NOT NULL,
	"key_id" uuid NOT NULL,
	"algorithm" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'valid' NOT NULL,
	"status_reason" text,
	"status_on" date,
	"status_by" uuid,
	"superseded_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "licences_licence_no_unique" UNIQUE("licence_no"),
	CONSTRAINT "licences_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "seal_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_kind" text NOT NULL,
	"body_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"algorithm" text NOT NULL,
	"public_key" text NOT NULL,
	"wrapped_private_key" text NOT NULL,
	"kek_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"rotated_at" timestamp with time zone,
	"revoked_from" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_holder_user_id_users_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_key_id_seal_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."seal_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_status_by_users_id_fk" FOREIGN KEY ("status_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_keys" ADD CONSTRAINT "seal_keys_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_keys" ADD CONSTRAINT "seal_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "licences_holder_user_idx" ON "licences" USING btree ("holder_user_id");--> statement-breakpoint
CREATE INDEX "licences_center_idx" ON "licences" USING btree ("center_id","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "seal_keys_active_uq" ON "seal_keys" USING btree ("body_kind","body_id") WHERE rotated_at is null and revoked_from is null;--> statement-breakpoint
CREATE INDEX "seal_keys_center_idx" ON "seal_keys" USING btree ("center_id");