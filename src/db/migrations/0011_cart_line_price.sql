-- A cart line keeps the price its hold was taken at (API.md: a new price applies to new holds only).
-- Lines already in carts take their ticket type's price of now, the price they showed until today.
ALTER TABLE "cart_items" ADD COLUMN "unit_price_minor" integer;--> statement-breakpoint
UPDATE "cart_items" SET "unit_price_minor" = t."price_minor" FROM "ticket_types" t WHERE t."id" = "cart_items"."ticket_type_id";--> statement-breakpoint
ALTER TABLE "cart_items" ALTER COLUMN "unit_price_minor" SET NOT NULL;
