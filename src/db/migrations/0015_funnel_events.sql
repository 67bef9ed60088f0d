CREATE TABLE "funnel_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"cart_id" uuid,
	"user_id" text,
	"order_id" uuid,
	"slot_id" uuid,
	"quantity" integer,
	"outcome" text,
	"duration_ms" integer,
	"sign_in_id" bigint
);
--> statement-breakpoint
CREATE INDEX "funnel_events_at" ON "funnel_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "funnel_events_sign_ins" ON "funnel_events" USING btree ("user_id","id") WHERE "funnel_events"."kind" = 'sign_in';--> statement-breakpoint
CREATE UNIQUE INDEX "funnel_events_first_cart_once" ON "funnel_events" USING btree ("sign_in_id") WHERE "funnel_events"."sign_in_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "funnel_events_payment_started_once" ON "funnel_events" USING btree ("order_id") WHERE "funnel_events"."kind" = 'payment_started';