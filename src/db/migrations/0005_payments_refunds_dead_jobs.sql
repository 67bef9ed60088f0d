CREATE TYPE "public"."payment_status" AS ENUM('applied', 'refunding', 'refunded', 'refund_failed', 'unmatched');--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"provider_payment_id" text NOT NULL,
	"order_id" uuid,
	"amount_minor" integer,
	"currency" text,
	"status" "payment_status" NOT NULL,
	"refund_reason" text,
	"event_id" text NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"refunded_at" timestamp with time zone,
	CONSTRAINT "payments_once" UNIQUE("provider","provider_payment_id")
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_once";--> statement-breakpoint
DROP INDEX "outbox_pending";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "payment_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "dead_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_order" ON "payments" USING btree ("order_id");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_provider_ref" ON "orders" USING btree ("provider","provider_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_once_per_order" ON "outbox" USING btree ("kind","order_id") WHERE "outbox"."payment_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_once_per_payment" ON "outbox" USING btree ("kind","payment_id") WHERE "outbox"."payment_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "outbox_dead" ON "outbox" USING btree ("kind") WHERE "outbox"."dead_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "outbox_pending" ON "outbox" USING btree ("created_at") WHERE "outbox"."done_at" IS NULL AND "outbox"."dead_at" IS NULL;--> statement-breakpoint
-- Payments taken before this migration, from the order that recorded them. One recorded on an order
-- that is neither paid nor refunded was a wrong amount kept for staff: it is refunded now, as any is from here on.
INSERT INTO "payments" ("provider", "provider_payment_id", "order_id", "amount_minor", "currency", "status", "refund_reason", "event_id", "captured_at", "refunded_at")
SELECT o."provider", o."payment_ref", o."id",
  CASE WHEN o."status" IN ('paid', 'refunded') THEN o."total_minor" END,
  CASE WHEN o."status" IN ('paid', 'refunded') THEN o."currency" END,
  (CASE
    WHEN o."status" = 'paid' THEN 'applied'
    WHEN EXISTS (SELECT 1 FROM "outbox" j WHERE j."order_id" = o."id" AND j."kind" = 'refund' AND j."done_at" IS NOT NULL) THEN 'refunded'
    ELSE 'refunding'
  END)::"payment_status",
  CASE WHEN o."status" = 'refunded' THEN 'late_no_room' WHEN o."status" <> 'paid' THEN 'amount_mismatch' END,
  'before-payments-table', COALESCE(o."paid_at", o."refunded_at", o."created_at"), CASE WHEN o."status" = 'refunded' THEN o."refunded_at" END
FROM "orders" o WHERE o."payment_ref" IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "outbox" SET "payment_id" = p."id" FROM "payments" p WHERE p."order_id" = "outbox"."order_id" AND "outbox"."kind" IN ('refund', 'refund_notice');--> statement-breakpoint
INSERT INTO "outbox" ("kind", "order_id", "payment_id")
SELECT 'refund', p."order_id", p."id" FROM "payments" p WHERE p."status" = 'refunding' AND p."refund_reason" = 'amount_mismatch'
ON CONFLICT DO NOTHING;
