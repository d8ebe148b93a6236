CREATE TABLE "licence_uses" (
	"case_id" uuid NOT NULL,
	"material_id" text NOT NULL,
	"licence_id" uuid NOT NULL,
	"consent" boolean NOT NULL,
	"used_at" timestamp with time zone NOT NULL,
	"used_by" uuid,
	CONSTRAINT "licence_uses_case_id_material_id_pk" PRIMARY KEY("case_id","material_id")
);
--> statement-breakpoint
ALTER TABLE "licence_uses" ADD CONSTRAINT "licence_uses_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_uses" ADD CONSTRAINT "licence_uses_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_uses" ADD CONSTRAINT "licence_uses_used_by_users_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "licence_uses_licence_idx" ON "licence_uses" USING btree ("licence_id");