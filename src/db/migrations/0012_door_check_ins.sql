CREATE TYPE "public"."check_in_result" AS ENUM('admitted', 'already_checked_in', 'void', 'unknown', 'outside_window', 'conflict');--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scan_id" text NOT NULL,
	"ticket_id" uuid,
	"gate" text,
	"staff_user_id" text,
	"source" text NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"result" "check_in_result" NOT NULL,
	"response" jsonb NOT NULL,
	"undone_at" timestamp with time zone,
	CONSTRAINT "check_ins_scan_id_unique" UNIQUE("scan_id")
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "checked_in_gate" text;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_staff_user_id_user_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_ins_ticket" ON "check_ins" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "check_ins_undone" ON "check_ins" USING btree ("undone_at") WHERE undone_at IS NOT NULL;--> statement-breakpoint
-- The door's day board is live: an admission or its undo is announced with its slot, on commit,
-- on a channel of its own so that visitors' availability streams are not read again for it.
CREATE FUNCTION notify_checkin_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.checked_in_at IS DISTINCT FROM OLD.checked_in_at THEN
    PERFORM pg_notify('checkin_changed', (SELECT slot_id::text FROM order_items WHERE id = NEW.order_item_id));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER tickets_checkin_notify AFTER UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION notify_checkin_changed();--> statement-breakpoint
-- Tokens now carry their slot and entry window, for a scanner deciding offline: QR codes and PDFs drawn before are drawn again when next needed.
UPDATE "tickets" SET "qr_svg" = NULL;--> statement-breakpoint
DELETE FROM "ticket_pdfs";
