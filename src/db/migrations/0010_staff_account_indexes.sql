CREATE INDEX "user_staff_email" ON "user" USING btree ("email") WHERE role <> 'visitor';--> statement-breakpoint
CREATE INDEX "user_email_prefix" ON "user" USING btree ("email" text_pattern_ops);