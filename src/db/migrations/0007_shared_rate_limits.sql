-- Rate limits shared by every server process on this database (issue 11). UNLOGGED: the counts are
-- worth a minute at most, so a database crash may forget them, and no write here waits for the WAL.
CREATE UNLOGGED TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" bigint
);
