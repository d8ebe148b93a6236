CREATE TABLE "audit_seals" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"txid" "xid8" NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"sealed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "audit_seals_audit_id_unique" UNIQUE("audit_id")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_txid_idx" ON "audit_events" USING btree ("txid","id");--> statement-breakpoint
-- Rows chained before the sealer existed keep their chain: their seals carry the same hashes, in id order.
INSERT INTO "audit_seals" ("seq", "audit_id", "txid", "prev_hash", "hash", "sealed_at")
  SELECT row_number() OVER (ORDER BY "id"), "id", "txid", "prev_hash", "hash", now() FROM "audit_events" WHERE "hash" IS NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_seals_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_seals is append-only';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER audit_seals_no_change BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION audit_seals_append_only();
