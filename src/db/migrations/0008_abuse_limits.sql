CREATE TABLE "ticket_pdfs" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cart_items" ADD COLUMN "renewals" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cart_items" ADD COLUMN "client_address" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "client_address" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "qr_svg" text;--> statement-breakpoint
ALTER TABLE "ticket_pdfs" ADD CONSTRAINT "ticket_pdfs_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cart_items_held_by_address" ON "cart_items" USING btree ("client_address") WHERE "cart_items"."status" = 'held';--> statement-breakpoint
CREATE INDEX "orders_pending_by_address" ON "orders" USING btree ("client_address") WHERE "orders"."status" = 'pending_payment';