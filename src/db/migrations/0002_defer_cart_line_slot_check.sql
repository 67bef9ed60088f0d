-- A new cart line's foreign-key check takes a key-share lock on its slot. On a hot slot, dozens
-- of concurrent key-sharers turn that row's lock into an ever-growing multixact that every hold
-- must rewrite. Checked at commit instead, the check finds the transaction already holding the
-- slot's stronger lock (taken by the hold) and takes none.
ALTER TABLE "cart_items" DROP CONSTRAINT "cart_items_slot_id_time_slots_id_fk";--> statement-breakpoint
ALTER TABLE "cart_items" ADD CONSTRAINT "cart_items_slot_id_time_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."time_slots"("id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;
