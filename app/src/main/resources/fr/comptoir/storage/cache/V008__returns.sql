-- Returns counter: what each order line was really paid (refunds are worked out from it) and each store's
-- published return policy (window per channel, categories never taken back), kept as the terminal's JSON.
ALTER TABLE order_lines ADD COLUMN paid_cents INTEGER;
ALTER TABLE stores ADD COLUMN return_policy TEXT;
-- The lowest price of the last 30 days: what an item returned without a receipt is credited at.
ALTER TABLE variants ADD COLUMN lowest_30d_cents INTEGER;
-- How a store ticket was paid (comma-separated): what was bought with a gift card goes back to one.
ALTER TABLE orders ADD COLUMN tenders TEXT;
