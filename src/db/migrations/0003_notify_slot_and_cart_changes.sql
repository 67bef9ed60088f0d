-- Live updates (API.md, "Live updates"): every change to a slot's places or to a cart's lines is
-- announced on commit, whichever process or job made it, so each server can push it to the
-- browsers watching. Identical notifications in one transaction are delivered once.
CREATE FUNCTION notify_slot_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.held IS DISTINCT FROM OLD.held OR NEW.sold IS DISTINCT FROM OLD.sold
     OR NEW.capacity IS DISTINCT FROM OLD.capacity OR NEW.status IS DISTINCT FROM OLD.status THEN
    PERFORM pg_notify('slot_changed', NEW.id::text);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER time_slots_notify AFTER UPDATE ON time_slots FOR EACH ROW EXECUTE FUNCTION notify_slot_changed();--> statement-breakpoint
CREATE FUNCTION notify_cart_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('cart_changed', OLD.cart_id::text); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('cart_changed', NEW.cart_id::text); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER cart_items_notify AFTER INSERT OR UPDATE OR DELETE ON cart_items FOR EACH ROW EXECUTE FUNCTION notify_cart_changed();
