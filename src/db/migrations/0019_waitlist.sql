CREATE TYPE "public"."waitlist_status" AS ENUM('waiting', 'offered', 'claimed', 'left', 'lapsed');--> statement-breakpoint
CREATE TABLE "waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"ticket_type_id" uuid NOT NULL,
	"email" text NOT NULL,
	"quantity" integer NOT NULL,
	"locale" text NOT NULL,
	"status" "waitlist_status" DEFAULT 'waiting' NOT NULL,
	"leave_token_hash" text NOT NULL,
	"offer_token_hash" text,
	"offer_seconds" integer NOT NULL,
	"offered_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"line" bigserial NOT NULL,
	CONSTRAINT "waitlist_entries_leave_token_hash_unique" UNIQUE("leave_token_hash"),
	CONSTRAINT "waitlist_entries_offer_token_hash_unique" UNIQUE("offer_token_hash"),
	CONSTRAINT "waitlist_entries_once_per_slot" UNIQUE("slot_id","email"),
	CONSTRAINT "waitlist_entries_quantity_positive" CHECK ("waitlist_entries"."quantity" > 0),
	CONSTRAINT "waitlist_entries_offer_complete" CHECK ("waitlist_entries"."status" <> 'offered' OR ("waitlist_entries"."offer_token_hash" IS NOT NULL AND "waitlist_entries"."offer_expires_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "order_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "payload" jsonb;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_slot_id_time_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."time_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_ticket_type_id_ticket_types_id_fk" FOREIGN KEY ("ticket_type_id") REFERENCES "public"."ticket_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waitlist_entries_line" ON "waitlist_entries" USING btree ("slot_id","line") WHERE "waitlist_entries"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "waitlist_entries_offers" ON "waitlist_entries" USING btree ("offer_expires_at") WHERE "waitlist_entries"."status" = 'offered';--> statement-breakpoint
-- The waiting list's offers (DESIGN.md invariants 2 and 3), made inside the very UPDATE that frees a
-- slot's places, whichever verb, job or process runs it (a removed line, an expired hold or order, a
-- refund, a capacity increase, a lapsed offer): the places go to the next in line under the slot's
-- row lock, before any other transaction can see them free, and the CHECK on time_slots still
-- bounds held + sold. Entries are taken in line order; one that wants more than is free keeps its
-- place in line and the next that fits is offered. SKIP LOCKED: an entry being left or claimed is
-- not waited for. An entry whose offer would run out after the slot starts is skipped: places that
-- late go to the public at once rather than sit held for someone who may read the e-mail too late.
-- Each offer's link token is random (two v4 UUIDs, 244 bits); only its hash is kept, the token
-- itself rides in the outbox job that e-mails it, and is cleared once sent.
CREATE FUNCTION waitlist_offer_freed_places() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  entry record;
  token text;
BEGIN
  IF NEW.status <> 'open' OR NEW.starts_at <= now()
     OR NOT EXISTS (SELECT 1 FROM exhibitions WHERE id = NEW.exhibition_id AND status = 'published') THEN
    RETURN NEW;
  END IF;
  FOR entry IN
    SELECT id, quantity, offer_seconds FROM waitlist_entries
    WHERE slot_id = NEW.id AND status = 'waiting' ORDER BY line
    FOR UPDATE SKIP LOCKED
  LOOP
    EXIT WHEN NEW.held + NEW.sold >= NEW.capacity;
    CONTINUE WHEN NEW.held + NEW.sold + entry.quantity > NEW.capacity;
    CONTINUE WHEN NEW.starts_at < now() + entry.offer_seconds * interval '1 second';
    token := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
    UPDATE waitlist_entries SET status = 'offered', offered_at = now(),
      offer_expires_at = now() + entry.offer_seconds * interval '1 second',
      offer_token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex')
    WHERE id = entry.id;
    INSERT INTO outbox (kind, subject_id, payload) VALUES ('waitlist_offer', entry.id, jsonb_build_object('token', token));
    NEW.held := NEW.held + entry.quantity;
  END LOOP;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER time_slots_waitlist_offer BEFORE UPDATE OF held, sold, capacity, status ON time_slots FOR EACH ROW
  WHEN (NEW.capacity - NEW.held - NEW.sold > OLD.capacity - OLD.held - OLD.sold OR (NEW.status = 'open' AND OLD.status <> 'open'))
  EXECUTE FUNCTION waitlist_offer_freed_places();
