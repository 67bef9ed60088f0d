ALTER TABLE "ticket_types" ADD COLUMN "requires_companion" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Catalogues seeded before this column existed: the demo's children's tickets were always sold "with an adult".
UPDATE "ticket_types" SET "requires_companion" = true WHERE "code" IN ('child', 'infant');
