-- Flood control: where a conversation came from (a key derived from the client's address), and on each ticket the
-- sources it counts under and the ticket it was grouped with when its source flooded the queue.
ALTER TABLE conversations ADD COLUMN source TEXT;
ALTER TABLE tickets ADD COLUMN source TEXT;
ALTER TABLE tickets ADD COLUMN customer_key TEXT;
ALTER TABLE tickets ADD COLUMN grouped_with TEXT;
CREATE INDEX tickets_source ON tickets (source, created_at) WHERE source IS NOT NULL;
CREATE INDEX tickets_customer_key ON tickets (customer_key, created_at) WHERE customer_key IS NOT NULL;
CREATE INDEX tickets_grouped_with ON tickets (grouped_with) WHERE grouped_with IS NOT NULL;
