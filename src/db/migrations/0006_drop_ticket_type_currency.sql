-- Prices are in the venue's one currency, CURRENCY in the configuration. A currency stored with each
-- ticket type was a second source that could disagree with it (and with the cart's total and the
-- order, both in CURRENCY).
ALTER TABLE "ticket_types" DROP COLUMN "currency";
